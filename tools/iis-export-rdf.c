/* iis-export-rdf.c: `iis export --format jsonld|turtle|ntriples`
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * The catalog as linked data. Entities are named by IRIs under
 * CLI_EXPORT_ID_BASE (https://libiis.org/id/ID, the id percent-encoded);
 * each relation is a blank node of type iis:Relation with its subject,
 * object, role, dates, qualifiers and sources, and a direct triple beside
 * it (an iis: property named after the kind, e.g. iis:partyTo; Wikidata's
 * P463 “member of” and P361 “part of”; for a signature also P1891
 * “signatory” on the agreement) for queries that do not care about dates.
 * Memberships also use the terms of Popolo (the W3C Organization
 * ontology: org:Membership, org:member, org:organization, org:role, and
 * schema.org's validFrom and validThrough).
 *
 * Dates are literals typed by their precision (xsd:gYear, xsd:gYearMonth,
 * xsd:date) when exact and by the Library of Congress EDTF datatype when
 * not; beside each one the first day of its earliest and of its latest
 * reading as xsd:date, so SPARQL can ask what holds at a date
 * (docs/interoperability.md).
 *
 * The graph is built once as nodes and written in one of three syntaxes;
 * the JSON-LD is a flattened graph whose keys are the terms of the
 * context written at its top.
 */

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "iis-export.h"

#define NS_RDF     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_XSD     "http://www.w3.org/2001/XMLSchema#"
#define NS_SKOS    "http://www.w3.org/2004/02/skos/core#"
#define NS_ORG     "http://www.w3.org/ns/org#"
#define NS_SCHEMA  "http://schema.org/"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_OWL     "http://www.w3.org/2002/07/owl#"
#define NS_WD      "http://www.wikidata.org/entity/"
#define NS_WDT     "http://www.wikidata.org/prop/direct/"
#define NS_EDTF    "http://id.loc.gov/datatypes/edtf/"

static const struct {
  const char *prefix;
  const char *iri;
} prefixes[] = {
  { "id", CLI_EXPORT_ID_BASE },
  { "iis", CLI_EXPORT_VOCAB_BASE },
  { "rdf", NS_RDF },
  { "xsd", NS_XSD },
  { "skos", NS_SKOS },
  { "org", NS_ORG },
  { "schema", NS_SCHEMA },
  { "dcterms", NS_DCTERMS },
  { "owl", NS_OWL },
  { "wd", NS_WD },
  { "wdt", NS_WDT },
  { "edtf", NS_EDTF },
};

/* The terms of the JSON-LD context: every predicate the export writes
 * that is not an iis: property made from a kind or a property name. */
static const struct {
  const char *term;
  const char *iri;
} terms[] = {
  { "name", NS_SKOS "prefLabel" },
  { "other_name", NS_SKOS "altLabel" },
  { "description", NS_DCTERMS "description" },
  { "same_as", NS_OWL "sameAs" },
  { "identifier", CLI_EXPORT_VOCAB_BASE "identifier" },
  { "scheme", CLI_EXPORT_VOCAB_BASE "scheme" },
  { "value", NS_RDF "value" },
  { "founding_date", NS_SCHEMA "foundingDate" },
  { "dissolution_date", NS_SCHEMA "dissolutionDate" },
  { "ceased_earliest", CLI_EXPORT_VOCAB_BASE "ceasedEarliest" },
  { "ceased_latest", CLI_EXPORT_VOCAB_BASE "ceasedLatest" },
  { "kind", CLI_EXPORT_VOCAB_BASE "kind" },
  { "subject", CLI_EXPORT_VOCAB_BASE "subject" },
  { "object", CLI_EXPORT_VOCAB_BASE "object" },
  { "member", NS_ORG "member" },
  { "organization", NS_ORG "organization" },
  { "role", NS_ORG "role" },
  { "start_date", NS_SCHEMA "validFrom" },
  { "end_date", NS_SCHEMA "validThrough" },
  { "start_earliest", CLI_EXPORT_VOCAB_BASE "startEarliest" },
  { "start_latest", CLI_EXPORT_VOCAB_BASE "startLatest" },
  { "end_earliest", CLI_EXPORT_VOCAB_BASE "endEarliest" },
  { "end_latest", CLI_EXPORT_VOCAB_BASE "endLatest" },
  { "confidence", CLI_EXPORT_VOCAB_BASE "confidence" },
  { "qualifier", CLI_EXPORT_VOCAB_BASE "qualifier" },
  { "key", CLI_EXPORT_VOCAB_BASE "key" },
  { "source", NS_DCTERMS "source" },
  { "title", NS_DCTERMS "title" },
  { "url", NS_SCHEMA "url" },
  { "document", CLI_EXPORT_VOCAB_BASE "document" },
  { "publisher", NS_DCTERMS "publisher" },
  { "date", NS_DCTERMS "date" },
  { "quote", CLI_EXPORT_VOCAB_BASE "quote" },
  { "locator", CLI_EXPORT_VOCAB_BASE "locator" },
  { "member_of", NS_WDT "P463" },
  { "signatory", NS_WDT "P1891" },
  { "part_of", NS_WDT "P361" },
};

/* The classes, by entity type nick. */
static const struct {
  const char *type_nick;
  const char *classes[2];
} type_classes[] = {
  { "state", { CLI_EXPORT_VOCAB_BASE "State", NS_SCHEMA "Country" } },
  { "organization", { CLI_EXPORT_VOCAB_BASE "Organization", NS_ORG "Organization" } },
  { "agreement", { CLI_EXPORT_VOCAB_BASE "Agreement", NS_SCHEMA "Legislation" } },
  { "forum", { CLI_EXPORT_VOCAB_BASE "Forum", NS_SCHEMA "Event" } },
  { "threat-category", { CLI_EXPORT_VOCAB_BASE "ThreatCategory", NS_SKOS "Concept" } },
};

typedef enum {
  OBJECT_IRI,       /* text: an IRI, or a blank node “_:…” */
  OBJECT_STRING,    /* text, with @extra a language tag or NULL */
  OBJECT_TYPED,     /* text, with @extra the datatype IRI */
} ObjectKind;

typedef struct
{
  char       *predicate;   /* an IRI */
  ObjectKind  kind;
  char       *text;
  char       *extra;
} Statement;

typedef struct
{
  char      *id;           /* an IRI or “_:…” */
  GPtrArray *types;        /* of char * IRIs */
  GArray    *statements;   /* of Statement */
} Node;

static void
statement_clear (Statement *statement)
{
  g_free (statement->predicate);
  g_free (statement->text);
  g_free (statement->extra);
}

static void
node_free (Node *node)
{
  g_free (node->id);
  g_ptr_array_unref (node->types);
  g_array_unref (node->statements);
  g_free (node);
}

typedef struct
{
  GPtrArray  *nodes;       /* of Node * */
  GHashTable *entities;    /* IRI → Node *, the entities' nodes */
  guint       n_blank;
} Graph;

static Node *
graph_add_node (Graph *graph,
                char  *id)       /* owned; NULL: a new blank node */
{
  Node *node = g_new0 (Node, 1);

  node->id = id != NULL ? id : g_strdup_printf ("_:b%u", ++graph->n_blank);
  node->types = g_ptr_array_new_with_free_func (g_free);
  node->statements = g_array_new (FALSE, FALSE, sizeof (Statement));
  g_array_set_clear_func (node->statements, (GDestroyNotify) statement_clear);
  g_ptr_array_add (graph->nodes, node);
  return node;
}

static void
add (Node       *node,
     const char *predicate,
     ObjectKind  kind,
     const char *text,
     const char *extra)
{
  Statement statement;

  if (text == NULL)
    return;
  statement = (Statement) { g_strdup (predicate), kind, g_strdup (text), g_strdup (extra) };
  g_array_append_val (node->statements, statement);
}

static char *
entity_iri (IisEntity *entity)
{
  g_autofree char *escaped = g_uri_escape_string (iis_entity_get_id (entity), NULL, FALSE);

  return g_strconcat (CLI_EXPORT_ID_BASE, escaped, NULL);
}

/* “organizer-of” → iis:organizerOf */
static char *
camel_iri (const char *nick)
{
  GString *iri = g_string_new (CLI_EXPORT_VOCAB_BASE);
  gboolean upper = FALSE;

  for (const char *p = nick; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '_')
        upper = TRUE;
      else
        {
          g_string_append_c (iri, upper ? g_ascii_toupper (*p) : *p);
          upper = FALSE;
        }
    }
  return g_string_free (iri, FALSE);
}

/* A date as written, typed by its precision when exact, by EDTF when
 * not; and the first days of its earliest and latest readings under
 * @earliest and @latest. */
static void
add_date (Node          *node,
          const char    *predicate,
          const char    *earliest,
          const char    *latest,
          const IisDate *date)
{
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *datatype = NS_EDTF "EDTF";

  if (date == NULL)
    return;
  text = iis_date_to_string (date);
  if (iis_date_is_exact (date))
    switch (iis_date_get_precision (date))
      {
      case IIS_DATE_PRECISION_YEAR:
        datatype = NS_XSD "gYear";
        break;
      case IIS_DATE_PRECISION_MONTH:
        datatype = NS_XSD "gYearMonth";
        break;
      case IIS_DATE_PRECISION_DAY:
      default:
        datatype = NS_XSD "date";
        break;
      }
  add (node, predicate, OBJECT_TYPED, text, datatype);
  if (earliest != NULL)
    {
      first = cli_export_first_day (date, FALSE);
      last = cli_export_first_day (date, TRUE);
      add (node, earliest, OBJECT_TYPED, first, NS_XSD "date");
      add (node, latest, OBJECT_TYPED, last, NS_XSD "date");
    }
}

static void
add_sources (Graph      *graph,
             Node       *node,
             GListModel *sources)
{
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(IisSource) source = g_list_model_get_item (sources, i);
      Node *citation = graph_add_node (graph, NULL);

      add (node, NS_DCTERMS "source", OBJECT_IRI, citation->id, NULL);
      add (citation, NS_DCTERMS "title", OBJECT_STRING, iis_source_get_title (source), NULL);
      add (citation, NS_SCHEMA "url", OBJECT_STRING, iis_source_get_url (source), NULL);
      add (citation, CLI_EXPORT_VOCAB_BASE "document", OBJECT_STRING,
           iis_source_get_document (source), NULL);
      add (citation, NS_DCTERMS "publisher", OBJECT_STRING, iis_source_get_publisher (source), NULL);
      add_date (citation, NS_DCTERMS "date", NULL, NULL, iis_source_get_date (source));
      add (citation, CLI_EXPORT_VOCAB_BASE "quote", OBJECT_STRING, iis_source_get_quote (source), NULL);
      add (citation, CLI_EXPORT_VOCAB_BASE "locator", OBJECT_STRING,
           iis_source_get_locator (source), NULL);
    }
}

/* The properties the entity's type adds, typed by their GType. */
static void
add_type_properties (Node      *node,
                     IisEntity *entity)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *predicate = NULL;
      g_autofree char *text = NULL;

      if (g_type_is_a (IIS_TYPE_ENTITY, pspec->owner_type)
          || (pspec->flags & G_PARAM_READABLE) == 0)
        continue;
      if (strcmp (pspec->name, "founded") == 0)
        predicate = g_strdup (NS_SCHEMA "foundingDate");
      else if (strcmp (pspec->name, "dissolved") == 0)
        predicate = g_strdup (NS_SCHEMA "dissolutionDate");
      else
        predicate = camel_iri (pspec->name);

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (entity), pspec->name, &value);
      if (G_VALUE_HOLDS (&value, IIS_TYPE_DATE))
        {
          add_date (node, predicate, NULL, NULL, g_value_get_boxed (&value));
          continue;
        }
      if (G_VALUE_HOLDS (&value, G_TYPE_STRV))
        {
          const char * const *strv = g_value_get_boxed (&value);

          for (guint j = 0; strv != NULL && strv[j] != NULL; j++)
            add (node, predicate, OBJECT_STRING, strv[j], NULL);
          continue;
        }
      text = cli_entity_property (entity, pspec->name);
      if (text == NULL || text[0] == '\0')
        continue;
      if (G_VALUE_HOLDS_BOOLEAN (&value))
        add (node, predicate, OBJECT_TYPED, text, NS_XSD "boolean");
      else if (G_VALUE_HOLDS_UINT (&value) || G_VALUE_HOLDS_INT (&value)
               || G_VALUE_HOLDS_UINT64 (&value) || G_VALUE_HOLDS_INT64 (&value))
        add (node, predicate, OBJECT_TYPED, text, NS_XSD "integer");
      else
        add (node, predicate, OBJECT_STRING, text, NULL);
    }
}

static void
add_entity (Graph     *graph,
            IisEntity *entity)
{
  Node *node = graph_add_node (graph, entity_iri (entity));
  const char *type_nick = iis_entity_get_type_nick (entity);
  g_auto(GStrv) langs = iis_entity_dup_label_languages (entity);
  g_auto(GStrv) schemes = iis_entity_dup_identifier_schemes (entity);
  GListModel *names = iis_entity_get_other_names (entity);
  gboolean typed = FALSE;

  g_hash_table_insert (graph->entities, node->id, node);
  for (gsize t = 0; t < G_N_ELEMENTS (type_classes); t++)
    if (strcmp (type_classes[t].type_nick, type_nick) == 0)
      {
        g_ptr_array_add (node->types, g_strdup (type_classes[t].classes[0]));
        g_ptr_array_add (node->types, g_strdup (type_classes[t].classes[1]));
        typed = TRUE;
      }
  if (!typed)
    g_ptr_array_add (node->types, camel_iri (type_nick));

  add (node, NS_SKOS "prefLabel", OBJECT_STRING, iis_entity_get_name (entity), NULL);
  for (guint i = 0; langs != NULL && langs[i] != NULL; i++)
    add (node, NS_SKOS "prefLabel", OBJECT_STRING, iis_entity_get_label (entity, langs[i]), langs[i]);
  for (guint i = 0; names != NULL && i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(IisName) name = g_list_model_get_item (names, i);

      add (node, NS_SKOS "altLabel", OBJECT_STRING, iis_name_get_text (name), iis_name_get_lang (name));
    }
  add (node, NS_DCTERMS "description", OBJECT_STRING, iis_entity_get_description (entity), NULL);

  add_type_properties (node, entity);
  if (IIS_IS_ORGANIZATION (entity))
    {
      const IisDate *dissolved = iis_organization_get_dissolved (IIS_ORGANIZATION (entity));
      g_autofree char *first = cli_export_first_day (dissolved, FALSE);
      g_autofree char *last = cli_export_first_day (dissolved, TRUE);

      add (node, CLI_EXPORT_VOCAB_BASE "ceasedEarliest", OBJECT_TYPED, first, NS_XSD "date");
      add (node, CLI_EXPORT_VOCAB_BASE "ceasedLatest", OBJECT_TYPED, last, NS_XSD "date");
    }

  for (guint i = 0; schemes != NULL && schemes[i] != NULL; i++)
    {
      const char *value = iis_entity_get_identifier (entity, schemes[i]);
      Node *identifier;

      if (value == NULL)
        continue;
      if (strcmp (schemes[i], "wikidata") == 0)
        {
          g_autofree char *iri = g_strconcat (NS_WD, value, NULL);

          add (node, NS_OWL "sameAs", OBJECT_IRI, iri, NULL);
        }
      identifier = graph_add_node (graph, NULL);
      add (node, CLI_EXPORT_VOCAB_BASE "identifier", OBJECT_IRI, identifier->id, NULL);
      add (identifier, CLI_EXPORT_VOCAB_BASE "scheme", OBJECT_STRING, schemes[i], NULL);
      add (identifier, NS_RDF "value", OBJECT_STRING, value, NULL);
    }

  add_sources (graph, node, iis_entity_get_sources (entity));
}

static void
add_relation (Graph       *graph,
              IisRelation *relation)
{
  IisRelationKind kind = iis_relation_get_kind (relation);
  const char *nick = iis_relation_kind_to_nick (kind);
  g_autofree char *subject = entity_iri (iis_relation_get_subject (relation));
  g_autofree char *object = entity_iri (iis_relation_get_object (relation));
  g_auto(GStrv) keys = iis_relation_dup_qualifier_keys (relation);
  /* The direct triple goes on the subject's node (written with the
   * subject's other statements in Turtle and JSON-LD). */
  Node *subject_node = g_hash_table_lookup (graph->entities, subject);
  Node *node;

  node = graph_add_node (graph, NULL);
  g_ptr_array_add (node->types, g_strdup (CLI_EXPORT_VOCAB_BASE "Relation"));
  add (node, CLI_EXPORT_VOCAB_BASE "kind", OBJECT_STRING, nick, NULL);
  add (node, CLI_EXPORT_VOCAB_BASE "subject", OBJECT_IRI, subject, NULL);
  add (node, CLI_EXPORT_VOCAB_BASE "object", OBJECT_IRI, object, NULL);
  if (kind == IIS_RELATION_KIND_MEMBER_OF)
    {
      g_ptr_array_add (node->types, g_strdup (NS_ORG "Membership"));
      add (node, NS_ORG "member", OBJECT_IRI, subject, NULL);
      add (node, NS_ORG "organization", OBJECT_IRI, object, NULL);
    }
  add (node, NS_ORG "role", OBJECT_STRING, iis_relation_get_role (relation), NULL);
  add_date (node, NS_SCHEMA "validFrom", CLI_EXPORT_VOCAB_BASE "startEarliest",
            CLI_EXPORT_VOCAB_BASE "startLatest", iis_relation_get_start (relation));
  add_date (node, NS_SCHEMA "validThrough", CLI_EXPORT_VOCAB_BASE "endEarliest",
            CLI_EXPORT_VOCAB_BASE "endLatest", iis_relation_get_end (relation));
  add (node, CLI_EXPORT_VOCAB_BASE "confidence", OBJECT_STRING,
       cli_enum_nick (IIS_TYPE_CONFIDENCE, (int) iis_relation_get_confidence (relation)), NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      Node *qualifier = graph_add_node (graph, NULL);

      add (node, CLI_EXPORT_VOCAB_BASE "qualifier", OBJECT_IRI, qualifier->id, NULL);
      add (qualifier, CLI_EXPORT_VOCAB_BASE "key", OBJECT_STRING, keys[i], NULL);
      add (qualifier, NS_RDF "value", OBJECT_STRING, iis_relation_get_qualifier (relation, keys[i]), NULL);
    }
  add_sources (graph, node, iis_relation_get_sources (relation));

  if (kind == IIS_RELATION_KIND_SIGNATORY_OF)
    {
      /* Wikidata states a signature on the treaty: P1891 “signatory”. */
      Node *object_node = g_hash_table_lookup (graph->entities, object);

      if (object_node != NULL)
        add (object_node, NS_WDT "P1891", OBJECT_IRI, subject, NULL);
    }
  if (subject_node == NULL)
    return;
  switch (kind)
    {
    case IIS_RELATION_KIND_MEMBER_OF:
      add (subject_node, NS_WDT "P463", OBJECT_IRI, object, NULL);
      break;
    case IIS_RELATION_KIND_PART_OF:
      add (subject_node, NS_WDT "P361", OBJECT_IRI, object, NULL);
      break;
    default:
      {
        g_autofree char *predicate = camel_iri (nick);

        add (subject_node, predicate, OBJECT_IRI, object, NULL);
      }
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Writing */

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '"': g_string_append (out, "\\\""); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default:
        if ((guchar) *p < 0x20)
          g_string_append_printf (out, "\\u%04X", (guint) (guchar) *p);
        else
          g_string_append_c (out, *p);
      }
}

/* A prefixed name for @iri when its local part is plain, else NULL. */
static char *
prefixed_name (const char *iri)
{
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      const char *local;

      if (!g_str_has_prefix (iri, prefixes[i].iri))
        continue;
      local = iri + strlen (prefixes[i].iri);
      if (local[0] == '\0' || local[0] == '-')
        continue;
      for (const char *p = local; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
          return NULL;
      return g_strconcat (prefixes[i].prefix, ":", local, NULL);
    }
  return NULL;
}

static void
append_iri (GString    *out,
            const char *iri,
            gboolean    turtle)
{
  g_autofree char *name = NULL;

  if (g_str_has_prefix (iri, "_:"))
    {
      g_string_append (out, iri);
      return;
    }
  if (turtle && (name = prefixed_name (iri)) != NULL)
    {
      g_string_append (out, name);
      return;
    }
  g_string_append_c (out, '<');
  g_string_append (out, iri);
  g_string_append_c (out, '>');
}

static void
append_object (GString         *out,
               const Statement *statement,
               gboolean         turtle)
{
  if (statement->kind == OBJECT_IRI)
    {
      append_iri (out, statement->text, turtle);
      return;
    }
  g_string_append_c (out, '"');
  append_escaped (out, statement->text);
  g_string_append_c (out, '"');
  if (statement->kind == OBJECT_STRING && statement->extra != NULL)
    g_string_append_printf (out, "@%s", statement->extra);
  else if (statement->kind == OBJECT_TYPED)
    {
      g_string_append (out, "^^");
      append_iri (out, statement->extra, turtle);
    }
}

static void
write_ntriples (GString *out,
                Graph   *graph)
{
  for (guint n = 0; n < graph->nodes->len; n++)
    {
      Node *node = g_ptr_array_index (graph->nodes, n);

      for (guint i = 0; i < node->types->len; i++)
        {
          append_iri (out, node->id, FALSE);
          g_string_append (out, " <" NS_RDF "type> ");
          append_iri (out, g_ptr_array_index (node->types, i), FALSE);
          g_string_append (out, " .\n");
        }
      for (guint i = 0; i < node->statements->len; i++)
        {
          Statement *statement = &g_array_index (node->statements, Statement, i);

          append_iri (out, node->id, FALSE);
          g_string_append_c (out, ' ');
          append_iri (out, statement->predicate, FALSE);
          g_string_append_c (out, ' ');
          append_object (out, statement, FALSE);
          g_string_append (out, " .\n");
        }
    }
}

static void
write_turtle (GString *out,
              Graph   *graph)
{
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    g_string_append_printf (out, "@prefix %s: <%s> .\n", prefixes[i].prefix, prefixes[i].iri);

  for (guint n = 0; n < graph->nodes->len; n++)
    {
      Node *node = g_ptr_array_index (graph->nodes, n);
      const char *separator = " ";

      if (node->types->len == 0 && node->statements->len == 0)
        continue;
      g_string_append_c (out, '\n');
      append_iri (out, node->id, TRUE);
      if (node->types->len > 0)
        {
          g_string_append (out, " a ");
          for (guint i = 0; i < node->types->len; i++)
            {
              if (i > 0)
                g_string_append (out, ", ");
              append_iri (out, g_ptr_array_index (node->types, i), TRUE);
            }
          separator = " ;\n    ";
        }
      for (guint i = 0; i < node->statements->len; i++)
        {
          Statement *statement = &g_array_index (node->statements, Statement, i);

          g_string_append (out, separator);
          append_iri (out, statement->predicate, TRUE);
          g_string_append_c (out, ' ');
          append_object (out, statement, TRUE);
          separator = " ;\n    ";
        }
      g_string_append (out, " .\n");
    }
}

/* The JSON-LD key of a predicate: a term of the context, or a compact
 * IRI. */
static char *
jsonld_key (const char *iri)
{
  for (gsize i = 0; i < G_N_ELEMENTS (terms); i++)
    if (strcmp (terms[i].iri, iri) == 0)
      return g_strdup (terms[i].term);
  {
    char *name = prefixed_name (iri);

    return name != NULL ? name : g_strdup (iri);
  }
}

static JsonNode *
jsonld_context (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      json_builder_set_member_name (builder, prefixes[i].prefix);
      json_builder_add_string_value (builder, prefixes[i].iri);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      json_builder_set_member_name (builder, terms[i].term);
      json_builder_add_string_value (builder, terms[i].iri);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
write_jsonld (GString *out,
              Graph   *graph)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_value (builder, jsonld_context ());
  json_builder_set_member_name (builder, "@graph");
  json_builder_begin_array (builder);
  for (guint n = 0; n < graph->nodes->len; n++)
    {
      Node *node = g_ptr_array_index (graph->nodes, n);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "@id");
      json_builder_add_string_value (builder, node->id);
      if (node->types->len > 0)
        {
          json_builder_set_member_name (builder, "@type");
          json_builder_begin_array (builder);
          for (guint i = 0; i < node->types->len; i++)
            json_builder_add_string_value (builder, g_ptr_array_index (node->types, i));
          json_builder_end_array (builder);
        }
      /* One member per predicate, its values in an array, in the order
       * the predicates first appear. */
      for (guint i = 0; i < node->statements->len; i++)
        {
          const char *predicate = g_array_index (node->statements, Statement, i).predicate;
          g_autofree char *key = NULL;

          if (g_ptr_array_find_with_equal_func (keys, predicate, g_str_equal, NULL))
            continue;
          g_ptr_array_add (keys, g_strdup (predicate));
          key = jsonld_key (predicate);
          json_builder_set_member_name (builder, key);
          json_builder_begin_array (builder);
          for (guint j = i; j < node->statements->len; j++)
            {
              Statement *statement = &g_array_index (node->statements, Statement, j);

              if (strcmp (statement->predicate, predicate) != 0)
                continue;
              if (statement->kind == OBJECT_STRING && statement->extra == NULL)
                {
                  json_builder_add_string_value (builder, statement->text);
                  continue;
                }
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, statement->kind == OBJECT_IRI ? "@id" : "@value");
              json_builder_add_string_value (builder, statement->text);
              if (statement->kind != OBJECT_IRI)
                {
                  json_builder_set_member_name (builder, statement->kind == OBJECT_TYPED ? "@type" : "@language");
                  json_builder_add_string_value (builder, statement->extra);
                }
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

int
cli_export_rdf (CliExport    *export,
                CliRdfSyntax  syntax,
                const char   *path)
{
  Graph graph = {
    g_ptr_array_new_with_free_func ((GDestroyNotify) node_free),
    g_hash_table_new (g_str_hash, g_str_equal),
    0
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  for (guint i = 0; i < export->entities->len; i++)
    add_entity (&graph, g_ptr_array_index (export->entities, i));
  for (guint i = 0; i < export->relations->len; i++)
    add_relation (&graph, g_ptr_array_index (export->relations, i));

  switch (syntax)
    {
    case CLI_RDF_JSONLD:
      write_jsonld (out, &graph);
      break;
    case CLI_RDF_TURTLE:
      write_turtle (out, &graph);
      break;
    case CLI_RDF_NTRIPLES:
    default:
      write_ntriples (out, &graph);
      break;
    }
  g_hash_table_unref (graph.entities);
  g_ptr_array_unref (graph.nodes);

  if (path == NULL || strcmp (path, "-") == 0)
    fwrite (out->str, 1, out->len, stdout);
  else if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    {
      cli_error ("%s", error->message);
      status = CLI_EXIT_FAILURE;
    }
  return status;
}
