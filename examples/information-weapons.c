/* information-weapons.c: which agreements address information weapons?
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: information-weapons
 */

#include <locale.h>

#include <libiis/iis.h>

int
main (void)
{
  g_autoptr(IisCatalog) catalog = NULL;
  g_autoptr(GListModel) agreements = NULL;
  IisEntity *category;

  setlocale (LC_ALL, "");

  catalog = iis_catalog_new_default ();
  category = iis_catalog_lookup (catalog, "information-weapons");

  /* TRUE: also the agreements that address a narrower category. */
  agreements = iis_catalog_get_agreements_addressing (catalog,
                                                      IIS_THREAT_CATEGORY (category),
                                                      TRUE);
  g_print ("Agreements addressing “%s”:\n", iis_entity_get_name (category));

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(IisAgreement) agreement = g_list_model_get_item (agreements, i);
      const IisDate *adopted = iis_agreement_get_adopted (agreement);
      g_autofree char *when = adopted ? iis_date_to_string (adopted) : g_strdup ("undated");

      g_print ("  %s (%s)\n    %s\n", iis_entity_get_id (IIS_ENTITY (agreement)), when,
               iis_entity_get_name (IIS_ENTITY (agreement)));
    }

  return 0;
}
