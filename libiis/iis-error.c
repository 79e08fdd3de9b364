/* iis-error.c: the libiis error domain
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "iis-error.h"

/**
 * iis_error_quark:
 *
 * Returns the quark of the `IIS_ERROR` domain.
 *
 * Returns: the error domain quark
 *
 * Since: 1.0
 */
G_DEFINE_QUARK (iis-error-quark, iis_error)
