#include "iis-tool.h"
int
cli_cmd_report (CliContext *ctx, const CliCommand *command, int argc, char **argv)
{ return 1; }
