/* iis-export-common.c: what the SQLite and linked-data exports share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "iis-export.h"

/* The first day of the earliest (or of the latest) reading of @date, as
 * YYYY-MM-DD, or NULL for no date. The questions compare a start or an
 * end at the coarser of two precisions: a period that starts in “2017”
 * has begun at any day of 2017, so its first day is what a comparison
 * with an exact day needs (docs/interoperability.md). */
char *
cli_export_first_day (const IisDate *date,
                      gboolean       latest)
{
  g_autoptr(IisDate) bound = NULL;
  guint month, day;

  if (date == NULL)
    return NULL;
  bound = latest ? iis_date_dup_latest (date) : iis_date_dup_earliest (date);
  month = iis_date_get_month (bound);
  day = iis_date_get_day (bound);
  return g_strdup_printf ("%04u-%02u-%02u", iis_date_get_year (bound),
                          month != 0 ? month : 1, day != 0 ? day : 1);
}

/* The properties that the entity's own type adds to IisEntity, as
 * name, value, name, value … (owned strings); unset ones left out. */
GPtrArray *
cli_export_entity_properties (IisEntity *entity)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      char *value;

      if (g_type_is_a (IIS_TYPE_ENTITY, pspecs[i]->owner_type))
        continue;
      value = cli_entity_property (entity, pspecs[i]->name);
      if (value == NULL || value[0] == '\0')
        {
          g_free (value);
          continue;
        }
      g_ptr_array_add (pairs, g_strdup (pspecs[i]->name));
      g_ptr_array_add (pairs, value);
    }
  return pairs;
}

#ifndef HAVE_SQLITE
int
cli_export_sqlite (CliExport  *export,
                   const char *path)
{
  cli_error ("%s: this iis was built without SQLite; the sqlite format is not available", path);
  return CLI_EXIT_FAILURE;
}
#endif
