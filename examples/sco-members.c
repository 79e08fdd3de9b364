/* sco-members.c: who were the members of the SCO at a date?
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: sco-members [DATE]   (DATE in ISO 8601, default 2018-01-01)
 */

#include <locale.h>

#include <libiis/iis.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(IisDate) at = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *when = NULL;
  IisEntity *sco;

  /* g_print () writes in the charset of the user's locale. */
  setlocale (LC_ALL, "");

  catalog = iis_catalog_new_default ();
  sco = iis_catalog_lookup (catalog, "sco");
  at = iis_date_parse (argc > 1 ? argv[1] : "2018-01-01", &error);
  if (at == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  members = iis_catalog_get_members (catalog, IIS_ORGANIZATION (sco), "member", at);
  when = iis_date_to_string (at);
  g_print ("Members of the %s on %s:\n", iis_entity_get_name (sco), when);

  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(IisEntity) member = g_list_model_get_item (members, i);

      g_print ("  %-3s %s\n", iis_entity_get_id (member), iis_entity_get_name (member));
    }

  return 0;
}
