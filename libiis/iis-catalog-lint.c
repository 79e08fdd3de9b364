/* iis-catalog-lint.c: warnings about what is probably a mistake
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * A catalog file keeps the members it does not know (so that a newer file
 * survives a round trip through an older library), and a relation's role
 * is free text. Both let a typing mistake through in silence: `"founed"`
 * is kept and the organization has no founding date, `"memebr"` is a
 * membership no question about members finds. iis_catalog_validate_full()
 * with IIS_VALIDATE_FLAGS_WARNINGS reports them as warnings, with the
 * known member or role the text is closest to.
 *
 * The members this version knows are the writer's
 * (_iis_writer_get_members()); tests/python/test_io.py checks them against
 * the JSON Schema (data/iis-catalog.schema.json).
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "iis-answer-private.h"
#include "iis-catalog-private.h"
#include "iis-catalog-view-private.h"
#include "iis-date-private.h"
#include "iis-entity-private.h"
#include "iis-name-private.h"
#include "iis-relation-private.h"
#include "iis-source-private.h"
#include "iis-writer-private.h"
#include "iis.h"

/* The entity types, for "it belongs to the type …". */
static const char * const entity_types[] = {
  "state", "organization", "agreement", "forum", "threat-category", NULL
};

/* The edit distance between @a and @b (insertions, deletions,
 * substitutions and transpositions of adjacent bytes), or @max + 1 when
 * it is more than @max. Names and roles are short: a full table. */
static guint
edit_distance (const char *a,
               const char *b,
               guint       max)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *d = NULL;
  guint result;

  if ((n > m ? n - m : m - n) > max || n > 256 || m > 256)
    return max + 1;

  d = g_new (guint, (n + 1) * (m + 1));
#define D(i, j) d[(i) * (m + 1) + (j)]
  for (gsize i = 0; i <= n; i++)
    D (i, 0) = (guint) i;
  for (gsize j = 0; j <= m; j++)
    D (0, j) = (guint) j;
  for (gsize i = 1; i <= n; i++)
    for (gsize j = 1; j <= m; j++)
      {
        guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
        guint best = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);

        best = MIN (best, D (i - 1, j - 1) + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, D (i - 2, j - 2) + 1);
        D (i, j) = best;
      }
  result = D (n, m);
#undef D
  return MIN (result, max + 1);
}

/* The known name closest to @text, if one is close enough to be what was
 * meant: at most a third of the length apart (at least one edit). */
static const char *
closest (const char         *text,
         const char * const *known)
{
  guint limit = MAX (1, (guint) strlen (text) / 3);
  const char *best = NULL;
  guint best_distance = limit + 1;

  for (gsize i = 0; known[i] != NULL; i++)
    {
      guint distance = edit_distance (text, known[i], limit);

      if (distance < best_distance)
        {
          best = known[i];
          best_distance = distance;
        }
    }
  return best;
}

/* Warnings are grouped: one for each unknown member name in one kind of
 * object (every source of a generated catalog may carry the same extra
 * member), one for each unknown role of a kind, naming the first place
 * and how many more there are, so that the list stays short. */
typedef struct
{
  IisProblemKind  kind;
  char           *subject_id;
  GObject        *item;
  char           *message;
  const char     *places;    /* "sources", "relations" … for the count */
  guint           count;
} Warning;

static void
warning_free (gpointer data)
{
  Warning *warning = data;

  g_free (warning->subject_id);
  g_clear_object (&warning->item);
  g_free (warning->message);
  g_free (warning);
}

typedef struct
{
  IisCatalog *catalog;
  GPtrArray  *warnings;   /* of Warning, in order of first occurrence */
  GHashTable *groups;     /* key → Warning, borrowed */
} Lint;

/* Takes @key and @message. */
static void
add_warning (Lint           *lint,
             IisProblemKind  kind,
             char           *key,
             const char     *places,
             const char     *subject_id,
             GObject        *item,
             char           *message)
{
  Warning *warning = g_hash_table_lookup (lint->groups, key);

  if (warning != NULL)
    {
      warning->count++;
      g_free (key);
      g_free (message);
      return;
    }

  warning = g_new0 (Warning, 1);
  warning->kind = kind;
  warning->subject_id = g_strdup (subject_id);
  warning->item = item != NULL ? g_object_ref (item) : NULL;
  warning->message = message;
  warning->places = places;
  warning->count = 1;
  g_ptr_array_add (lint->warnings, warning);
  g_hash_table_insert (lint->groups, key, warning);
}

/* A warning for each member of @unknown: @what names the object that
 * holds it ("“UZ”", "“UZ”, sources[0]"), @holder its kind ("state",
 * "source"), @places the same in the plural. @known lists its members, and
 * @also those of its kind of object (an entity's common members); a name
 * known only to other entity types is said to be so. */
static void
lint_members (Lint               *lint,
              const char         *holder,
              const char         *places,
              JsonObject         *unknown,
              const char         *subject_id,
              GObject            *item,
              const char         *what,
              const char * const *known,
              const char * const *also)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (unknown == NULL)
    return;

  json_object_iter_init (&iter, unknown);
  while (json_object_iter_next (&iter, &name, &node))
    {
      const char *suggestion = closest (name, known);
      const char *elsewhere = NULL;
      g_autofree char *hint = NULL;

      if (suggestion == NULL && also != NULL)
        suggestion = closest (name, also);
      if (also != NULL)
        for (gsize t = 0; elsewhere == NULL && entity_types[t] != NULL; t++)
          if (g_strv_contains (_iis_writer_get_members (entity_types[t]), name))
            elsewhere = entity_types[t];

      if (elsewhere != NULL)
        hint = g_strdup_printf ("; it belongs to the type “%s”", elsewhere);
      else if (suggestion != NULL)
        hint = g_strdup_printf ("; did you mean “%s”?", suggestion);
      add_warning (lint, IIS_PROBLEM_KIND_UNKNOWN_MEMBER,
                   g_strdup_printf ("member\x1f%s\x1f%s", holder, name), places,
                   subject_id, item,
                   g_strdup_printf ("%s: unknown member “%s”, kept as it is%s",
                                    what, name, hint != NULL ? hint : ""));
    }
}

static void
lint_source (Lint       *lint,
             IisSource  *source,
             guint       index,
             const char *subject_id,
             GObject    *item,
             const char *what)
{
  g_autofree char *where = NULL;

  if (_iis_source_get_unknown (source) == NULL)
    return;
  where = g_strdup_printf ("%s, sources[%u]", what, index);
  lint_members (lint, "source", "sources", _iis_source_get_unknown (source), subject_id, item,
                where, _iis_writer_get_members ("source"), NULL);
}

static const char * const *
members_of_type (IisEntity *entity)
{
  static const char * const none[] = { NULL };
  const char * const *members = _iis_writer_get_members (iis_entity_get_type_nick (entity));

  return members != NULL ? members : none;
}

static void
lint_entity (Lint      *lint,
             IisEntity *entity)
{
  const char *id = iis_entity_get_id (entity);
  g_autofree char *what = g_strdup_printf ("“%s”", id);
  GListModel *names = iis_entity_get_other_names (entity);
  GListModel *sources;
  guint n = g_list_model_get_n_items (names);

  lint_members (lint, iis_entity_get_type_nick (entity), "entities",
                _iis_entity_get_unknown (entity), id, G_OBJECT (entity), what,
                members_of_type (entity), _iis_writer_get_members ("entity"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);
      g_autofree char *where = NULL;

      if (_iis_name_get_unknown (name) == NULL)
        continue;
      where = g_strdup_printf ("%s, other-names[%u]", what, i);
      lint_members (lint, "other-name", "other names", _iis_name_get_unknown (name), id,
                    G_OBJECT (entity), where, _iis_writer_get_members ("other-name"), NULL);
    }
  sources = iis_entity_get_sources (entity);
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);

      lint_source (lint, source, i, id, G_OBJECT (entity), what);
    }
}

static guint32
pack_or_none (const IisDate *date)
{
  return date != NULL ? _iis_date_pack (date) : IIS_DATE_PACKED_NONE;
}

/* The relation object a view stands for, for the problem's item. */
static IisRelation *
find_relation (IisCatalog            *catalog,
               const IisRelationView *view)
{
  g_autoptr(GListModel) candidates = iis_catalog_list_relations (catalog, view->subject,
                                                                 view->kind, view->object);
  guint n = g_list_model_get_n_items (candidates);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (candidates, i);

      if (g_strcmp0 (iis_relation_get_role (relation), view->role) == 0
          && pack_or_none (iis_relation_get_start (relation)) == view->start
          && pack_or_none (iis_relation_get_end (relation)) == view->end)
        return g_steal_pointer (&relation);
    }
  return NULL;
}

static void
lint_relation (const IisRelationView *view,
               gpointer               user_data)
{
  Lint *lint = user_data;
  const char * const *roles = iis_relation_kind_get_known_roles (view->kind);
  const char *kind = iis_relation_kind_to_nick (view->kind);
  const char *subject_id = iis_entity_get_id (view->subject);
  guint first = lint->warnings->len;
  g_autoptr(IisRelation) relation = NULL;
  g_autofree char *what = NULL;

  what = g_strdup_printf ("relation %s %s %s%s%s%s", subject_id, kind,
                          iis_entity_get_id (view->object),
                          view->role != NULL ? " (" : "",
                          view->role != NULL ? view->role : "",
                          view->role != NULL ? ")" : "");

  /* The treaty actions' roles are errors of iis_catalog_validate(). */
  if (roles != NULL && view->role != NULL && !_iis_relation_kind_is_action (view->kind)
      && !g_strv_contains (roles, view->role))
    {
      const char *suggestion = closest (view->role, roles);
      g_autofree char *known = g_strjoinv (", ", (char **) roles);
      g_autofree char *hint = suggestion != NULL
        ? g_strdup_printf ("did you mean “%s”? ", suggestion) : NULL;

      add_warning (lint, IIS_PROBLEM_KIND_UNKNOWN_ROLE,
                   g_strdup_printf ("role\x1f%s\x1f%s", kind, view->role), "relations",
                   subject_id, NULL,
                   g_strdup_printf ("%s: “%s” is not a role of %s; %s(known roles: %s)",
                                    what, view->role, kind, hint != NULL ? hint : "", known));
    }

  if (view->unknown_json != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (view->unknown_json, NULL);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        lint_members (lint, "relation", "relations", json_node_get_object (node), subject_id,
                      NULL, what, _iis_writer_get_members ("relation"), NULL);
    }

  for (guint i = 0; i < view->n_sources; i++)
    lint_source (lint, view->sources[i], i, subject_id, NULL, what);

  /* The relation object, for the item of the warnings it is the first
   * place of: looked up only then. */
  if (lint->warnings->len == first)
    return;
  relation = find_relation (lint->catalog, view);
  if (relation != NULL)
    for (guint i = first; i < lint->warnings->len; i++)
      {
        Warning *warning = g_ptr_array_index (lint->warnings, i);

        warning->item = g_object_ref (G_OBJECT (relation));
      }
}

/**
 * iis_catalog_validate_full:
 * @self: a catalog
 * @flags: what to report
 *
 * Checks the catalog as [method@Iis.Catalog.validate] does and, with
 * %IIS_VALIDATE_FLAGS_WARNINGS, also reports as warnings
 * ([property@Iis.Problem:severity]) what is probably a mistake:
 *
 * - members of the file that this version of the format does not define
 *   (%IIS_PROBLEM_KIND_UNKNOWN_MEMBER), in the document, an entity, an
 *   other name, a relation or a source. They are kept and written back,
 *   so that a newer file survives a round trip; a misspelt member such
 *   as `"founed"` is kept the same way, and the message names the known
 *   member it is closest to ("did you mean “founded”?");
 * - roles that a kind with a known set of roles does not know
 *   (%IIS_PROBLEM_KIND_UNKNOWN_ROLE, see
 *   [func@Iis.RelationKind.get_known_roles]), such as `"memebr"`.
 *
 * Warnings come after the errors, those of entities by id, then those of
 * relations in the file format's order.
 *
 * Returns: (transfer full): a list of [class@Iis.Problem], empty when
 *   there is nothing to report
 *
 * Since: 1.1
 */
GListModel *
iis_catalog_validate_full (IisCatalog       *self,
                           IisValidateFlags  flags)
{
  g_autoptr(GListModel) errors = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GHashTable) groups = NULL;
  Lint lint;
  GPtrArray *problems;
  guint n_errors, n_problems;

  g_return_val_if_fail (IIS_IS_CATALOG (self), NULL);

  errors = iis_catalog_validate (self);
  if ((flags & IIS_VALIDATE_FLAGS_WARNINGS) == 0)
    return g_steal_pointer (&errors);

  warnings = g_ptr_array_new_with_free_func (warning_free);
  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lint.catalog = self;
  lint.warnings = warnings;
  lint.groups = groups;

  lint_members (&lint, "document", "documents", _iis_catalog_get_document_unknown (self),
                NULL, NULL, "the document", _iis_writer_get_members ("document"), NULL);
  entities = _iis_catalog_dup_entities_sorted (self);
  for (guint i = 0; i < entities->len; i++)
    lint_entity (&lint, g_ptr_array_index (entities, i));
  _iis_catalog_foreach_relation (self, lint_relation, &lint);

  n_errors = g_list_model_get_n_items (errors);
  problems = g_ptr_array_sized_new (n_errors + warnings->len);
  for (guint i = 0; i < n_errors; i++)
    g_ptr_array_add (problems, g_list_model_get_item (errors, i));
  for (guint i = 0; i < warnings->len; i++)
    {
      Warning *warning = g_ptr_array_index (warnings, i);
      g_autofree char *message = NULL;
      IisProblem *problem;

      if (warning->count > 1)
        message = g_strdup_printf ("%s (and in %u more %s)", warning->message,
                                   warning->count - 1, warning->places);
      problem = iis_problem_new (warning->kind, warning->subject_id,
                                 message != NULL ? message : warning->message);
      if (warning->item != NULL)
        iis_problem_set_item (problem, warning->item);
      g_ptr_array_add (problems, problem);
    }

  n_problems = problems->len;
  return _iis_answer_new_take (IIS_TYPE_PROBLEM, g_ptr_array_free (problems, FALSE), n_problems);
}
