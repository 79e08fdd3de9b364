/* iis-error.h: the libiis error domain
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include <glib.h>

#include "iis-version.h"

G_BEGIN_DECLS

/**
 * IIS_ERROR:
 *
 * The error domain of libiis. Errors in this domain come from
 * the [error@Iis.Error] enumeration.
 *
 * Since: 1.0
 */
#define IIS_ERROR (iis_error_quark ())

/**
 * IisError:
 * @IIS_ERROR_PARSE: the input is not well-formed (not JSON, not an object,
 *   a member of the wrong JSON type, invalid UTF-8)
 * @IIS_ERROR_INVALID_VALUE: a value is out of range or malformed, such as
 *   an impossible date or an unknown enumeration nick
 * @IIS_ERROR_DUPLICATE_ID: an entity id is already in use
 * @IIS_ERROR_UNKNOWN_REFERENCE: a relation refers to an entity that is not
 *   in the catalog
 * @IIS_ERROR_TYPE_MISMATCH: a relation joins entities of types its kind
 *   does not allow
 * @IIS_ERROR_UNSUPPORTED_VERSION: the file was written by a newer, incompatible
 *   major version of the file format
 * @IIS_ERROR_LIMIT_EXCEEDED: the input is larger or deeper than the limits
 *   libiis accepts
 *
 * Error codes in the `IIS_ERROR` domain.
 *
 * Since: 1.0
 */
typedef enum {
  IIS_ERROR_PARSE,
  IIS_ERROR_INVALID_VALUE,
  IIS_ERROR_DUPLICATE_ID,
  IIS_ERROR_UNKNOWN_REFERENCE,
  IIS_ERROR_TYPE_MISMATCH,
  IIS_ERROR_UNSUPPORTED_VERSION,
  IIS_ERROR_LIMIT_EXCEEDED,
} IisError;

IIS_AVAILABLE_IN_ALL
GQuark iis_error_quark (void);

G_END_DECLS
