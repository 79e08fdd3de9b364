/* iis-format.c: the file format's rules, in one place
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-format-private.h"

#include "iis-agreement.h"
#include "iis-error.h"
#include "iis-forum.h"
#include "iis-organization.h"
#include "iis-state.h"
#include "iis-threat-category.h"

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

/* ---- Marker and version -------------------------------------------- */

gboolean
_iis_format_check_marker (const char  *text,
                          GError     **error)
{
  if (!g_str_equal (text, IIS_FORMAT_MARKER))
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_PARSE,
                   "format: not a libiis catalog: “%s” (expected “%s”)",
                   text, IIS_FORMAT_MARKER);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_version (const char *text,
               guint64    *major,
               guint64    *minor)
{
  g_auto(GStrv) parts = g_strsplit (text, ".", -1);

  if (g_strv_length (parts) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      /* Decimal numbers without leading zeros, as data/iis-catalog.schema.json says */
      if (parts[i][0] == '\0' || strlen (parts[i]) > 9
          || (parts[i][0] == '0' && parts[i][1] != '\0'))
        return FALSE;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
    }
  *major = g_ascii_strtoull (parts[0], NULL, 10);
  *minor = g_ascii_strtoull (parts[1], NULL, 10);
  return TRUE;
}

gboolean
_iis_format_check_version (const char  *text,
                           GError     **error)
{
  guint64 major, minor;

  if (!parse_version (text, &major, &minor))
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "version: invalid version “%s” (expected “MAJOR.MINOR”, such as “1.0”)",
                   text);
      return FALSE;
    }
  /* A newer minor version of the same major one loads: what this
   * library does not know is kept as unknown members. */
  if (major != IIS_FORMAT_MAJOR)
    {
      g_set_error (error, IIS_ERROR, IIS_ERROR_UNSUPPORTED_VERSION,
                   "version: unsupported file format version “%s”: "
                   "this version of libiis reads version %d.x",
                   text, IIS_FORMAT_MAJOR);
      return FALSE;
    }
  return TRUE;
}

const char *
_iis_format_version_string (guint minor)
{
  static const char * const versions[] = { "1.0", "1.1" };

  G_STATIC_ASSERT (G_N_ELEMENTS (versions) == IIS_FORMAT_MINOR_LATEST + 1);
  g_return_val_if_fail (minor <= IIS_FORMAT_MINOR_LATEST, versions[0]);
  return versions[minor];
}

/* ---- Messages ---------------------------------------------------- */

char *
_iis_format_printable (const char *text)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 40)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- Ids ------------------------------------------------------------ */

gboolean
_iis_format_check_id (const char  *id,
                      GError     **error)
{
  gsize length;

  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                           "invalid id: it is empty");
      return FALSE;
    }
  length = strlen (id);
  if (!g_utf8_validate (id, length, NULL))
    {
      g_set_error_literal (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                           "invalid id: it is not UTF-8");
      return FALSE;
    }
  if (length > IIS_FORMAT_MAX_ID_BYTES)
    {
      g_autofree char *text = _iis_format_printable (id);

      g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                   "invalid id “%s”: longer than %d bytes", text, IIS_FORMAT_MAX_ID_BYTES);
      return FALSE;
    }
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_autofree char *text = _iis_format_printable (id);

          g_set_error (error, IIS_ERROR, IIS_ERROR_INVALID_VALUE,
                       "invalid id “%s”: it contains a control character", text);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- The members of entities ---------------------------------------- */

static const IisMember state_members[] = {
  { "alpha-2", IIS_MEMBER_CHECK_CODE, 2 },
  { "alpha-3", IIS_MEMBER_CHECK_CODE, 3 },
  { "numeric", IIS_MEMBER_CHECK_MINIMUM, 1 },
  { "founded" },    /* format 1.1 */
  { "ceased" },     /* format 1.1 */
  { NULL }
};

static const IisMember organization_members[] = {
  { "acronym" },
  { "kind" },
  { "founded" },
  { "dissolved" },
  { NULL }
};

static const IisMember agreement_members[] = {
  { "kind" },
  { "status" },
  { "adopted" },
  { "adopted-place" },
  { "entry-into-force" },
  { "opened-for-signature" },   /* format 1.1 */
  { "terminated" },             /* format 1.1 */
  { NULL }
};

static const IisMember forum_members[] = {
  { "kind" },
  { "start" },
  { "end" },
  { "city" },
  { "participant-count" },
  { "participant-count-is-minimum" },
  { "topics", IIS_MEMBER_CHECK_NONEMPTY, 0, "a topic" },
  { NULL }
};

static const IisMember threat_category_members[] = {
  { "definition" },
  { NULL }
};

const IisMember *
_iis_format_get_entity_members (GType type)
{
  if (type == IIS_TYPE_STATE)
    return state_members;
  if (type == IIS_TYPE_ORGANIZATION)
    return organization_members;
  if (type == IIS_TYPE_AGREEMENT)
    return agreement_members;
  if (type == IIS_TYPE_FORUM)
    return forum_members;
  if (type == IIS_TYPE_THREAT_CATEGORY)
    return threat_category_members;
  return NULL;
}

gboolean
_iis_format_members_contain (const IisMember *members,
                             const char      *name)
{
  for (const IisMember *m = members; m != NULL && m->name != NULL; m++)
    if (g_str_equal (m->name, name))
      return TRUE;
  return FALSE;
}
