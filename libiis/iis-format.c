/* iis-format.c: the file format's rules that the reader and the writer share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-format-private.h"

/* ---- Limits -------------------------------------------------------- */

static GMutex limits_lock;
static gboolean limits_overridden;
static IisFormatLimits limits_override;

void
_iis_format_get_default_limits (IisFormatLimits *limits)
{
  g_mutex_lock (&limits_lock);
  if (limits_overridden)
    {
      *limits = limits_override;
    }
  else
    {
      limits->max_document_size = IIS_FORMAT_DEFAULT_MAX_DOCUMENT_SIZE;
      limits->max_depth = IIS_FORMAT_DEFAULT_MAX_DEPTH;
      limits->max_string_length = IIS_FORMAT_DEFAULT_MAX_STRING_LENGTH;
      limits->max_members = IIS_FORMAT_DEFAULT_MAX_MEMBERS;
      limits->max_element_values = IIS_FORMAT_DEFAULT_MAX_ELEMENT_VALUES;
      limits->max_unknown_values = IIS_FORMAT_DEFAULT_MAX_UNKNOWN_VALUES;
    }
  g_mutex_unlock (&limits_lock);
}

void
_iis_format_set_default_limits (const IisFormatLimits *limits)
{
  g_mutex_lock (&limits_lock);
  limits_overridden = limits != NULL;
  if (limits != NULL)
    limits_override = *limits;
  g_mutex_unlock (&limits_lock);
}

/* ---- Codes ---------------------------------------------------------- */

gboolean
_iis_format_code_is_valid (const char *code,
                           gsize       length)
{
  if (strlen (code) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

