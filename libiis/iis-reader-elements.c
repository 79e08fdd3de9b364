/* iis-reader-elements.c: one element of `entities` or `relations`, onto the model
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "iis-reader-elements-private.h"

#include "iis-date-private.h"
#include "iis-entity-private.h"
#include "iis-enum-types.h"
#include "iis-error.h"
#include "iis-hash-private.h"
#include "iis-name-private.h"
#include "iis-source-private.h"
#include "iis-writer-private.h"

/* ---- Sources ------------------------------------------------------ */

static IisSource *
read_source (Reader   *self,
             JsonNode *node)
{
  g_autoptr(IisSource) source = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail_type (self, NULL, node, "an object");
      return NULL;
    }

  source = g_object_new (IIS_TYPE_SOURCE, NULL);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      const char *text;

      if (g_str_equal (name, "date"))
        {
          IisDate date;

          if (!get_date (self, member, name, &date))
            return NULL;
          iis_source_set_date (source, &date);
        }
      else if (g_str_equal (name, "title") || g_str_equal (name, "url")
               || g_str_equal (name, "document") || g_str_equal (name, "publisher")
               || g_str_equal (name, "quote") || g_str_equal (name, "locator"))
        {
          if (!get_string (self, member, name, &text))
            return NULL;
          if (name[0] == 't')
            iis_source_set_title (source, text);
          else if (name[0] == 'u')
            iis_source_set_url (source, text);
          else if (name[0] == 'd')
            iis_source_set_document (source, text);
          else if (name[0] == 'p')
            iis_source_set_publisher (source, text);
          else if (name[0] == 'l')
            iis_source_set_locator (source, text);
          else
            iis_source_set_quote (source, text);
        }
      else
        {
          keep_unknown (self, &unknown, name, member);
        }
    }

  if (unknown != NULL)
    _iis_source_set_unknown (source, unknown);

  return g_steal_pointer (&source);
}

/* Calls @func for each source of the array @node (at member @member). */
static gboolean
read_sources (Reader     *self,
              JsonNode   *node,
              const char *member,
              void      (*func) (gpointer owner, IisSource *source),
              gpointer    owner)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, member, node, "an array of sources");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  path_push_member (self, member);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IisSource) source = NULL;

      path_push_index (self, i);
      source = read_source (self, json_array_get_element (array, i));
      path_pop (self);
      if (source == NULL)
        {
          path_pop (self);
          return FALSE;
        }
      func (owner, source);
    }
  path_pop (self);
  return TRUE;
}

/* Calls @func (key, value) for each member of the string map @node. */
static gboolean
read_string_map (Reader     *self,
                 JsonNode   *node,
                 const char *member,
                 void      (*func) (gpointer owner, const char *key, const char *value),
                 gpointer    owner)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value_node;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, member, node, "an object of strings");

  path_push_member (self, member);
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value_node))
    {
      const char *value;

      if (*key == '\0')
        {
          reader_fail (self, NULL, IIS_ERROR_INVALID_VALUE, "empty key");
          path_pop (self);
          return FALSE;
        }
      if (!get_string (self, value_node, key, &value))
        {
          path_pop (self);
          return FALSE;
        }
      func (owner, key, value);
    }
  path_pop (self);
  return TRUE;
}

/* ---- Entities ----------------------------------------------------- */

static void
entity_add_source (gpointer   owner,
                   IisSource *source)
{
  iis_entity_add_source (owner, source);
}

static void
entity_set_label (gpointer    owner,
                  const char *lang,
                  const char *text)
{
  iis_entity_set_label (owner, lang, text);
}

static void
entity_set_identifier (gpointer    owner,
                       const char *scheme,
                       const char *value)
{
  iis_entity_set_identifier (owner, scheme, value);
}

static gboolean
read_other_names (Reader    *self,
                  IisEntity *entity,
                  JsonNode  *node)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, "other-names", node, "an array of names");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  path_push_member (self, "other-names");
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gboolean ok = TRUE;
      const char *text = NULL;
      const char *lang = NULL;
      IisDate start, end;
      gboolean has_start = FALSE, has_end = FALSE;
      g_autoptr(JsonObject) unknown = NULL;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      path_push_index (self, i);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          ok = fail_type (self, NULL, element, "an object");
        }
      else
        {
          json_object_iter_init_ordered (&iter, json_node_get_object (element));
          while (ok && json_object_iter_next_ordered (&iter, &name, &member))
            {
              if (g_str_equal (name, "name"))
                ok = get_nonempty_string (self, member, name, &text);
              else if (g_str_equal (name, "lang"))
                ok = get_nonempty_string (self, member, name, &lang);
              else if (g_str_equal (name, "start"))
                ok = has_start = get_date (self, member, name, &start);
              else if (g_str_equal (name, "end"))
                ok = has_end = get_date (self, member, name, &end);
              else
                keep_unknown (self, &unknown, name, member);
            }
          if (ok && text == NULL)
            ok = fail_missing (self, "name");
        }

      if (ok)
        {
          g_autoptr(IisName) other = iis_name_new (text, lang,
                                                   has_start ? &start : NULL,
                                                   has_end ? &end : NULL);

          if (unknown != NULL)
            _iis_name_set_unknown (other, unknown);
          iis_entity_add_other_name (entity, other);
        }
      path_pop (self);
      if (!ok)
        {
          path_pop (self);
          return FALSE;
        }
    }
  path_pop (self);
  return TRUE;
}

/* A list of non-empty strings (a forum's topics). */
static gboolean
read_string_list (Reader      *self,
                  const char  *member,
                  JsonNode    *node,
                  GValue      *value)
{
  JsonArray *array;
  guint n;
  g_autoptr(GPtrArray) items = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, member, node, "an array of strings");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  items = g_ptr_array_sized_new (n + 1);
  path_push_member (self, member);
  for (guint i = 0; i < n; i++)
    {
      const char *item;
      gboolean ok;

      path_push_index (self, i);
      ok = get_nonempty_string (self, json_array_get_element (array, i), NULL, &item);
      path_pop (self);
      if (!ok)
        {
          path_pop (self);
          return FALSE;
        }
      g_ptr_array_add (items, (gpointer) item);
    }
  path_pop (self);
  g_ptr_array_add (items, NULL);
  g_value_set_boxed (value, items->pdata);
  return TRUE;
}

/* One of the members of _iis_format_get_entity_members(): the value of
 * the property of the same name, by its type. */
static gboolean
read_property_member (Reader          *self,
                      IisEntity       *entity,
                      const IisMember *member,
                      JsonNode        *node)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), member->name);
  const char *name = member->name;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      const char *text;

      if (!get_string (self, node, name, &text))
        return FALSE;
      if (member->check == IIS_MEMBER_CHECK_CODE && !check_iso_code (self, name, text, member->arg))
        return FALSE;
      g_value_set_string (&value, text);
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      int nick_value;

      if (!get_enum (self, node, name, G_PARAM_SPEC_ENUM (pspec)->enum_class, &nick_value))
        return FALSE;
      g_value_set_enum (&value, nick_value);
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      GParamSpecUInt *range = G_PARAM_SPEC_UINT (pspec);
      guint minimum = member->check == IIS_MEMBER_CHECK_MINIMUM ? member->arg : range->minimum;
      gint64 number;

      if (!get_int (self, node, name, minimum, range->maximum, &number))
        return FALSE;
      g_value_set_uint (&value, (guint) number);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      gboolean flag = FALSE;

      if (!get_boolean (self, node, name, &flag))
        return FALSE;
      g_value_set_boolean (&value, flag);
    }
  else if (pspec->value_type == IIS_TYPE_DATE)
    {
      IisDate date;

      if (!get_date (self, node, name, &date))
        return FALSE;
      g_value_set_boxed (&value, &date);
    }
  else if (pspec->value_type == G_TYPE_STRV)
    {
      if (!read_string_list (self, name, node, &value))
        return FALSE;
    }
  else
    {
      g_assert_not_reached ();
    }

  g_object_set_property (G_OBJECT (entity), name, &value);
  return TRUE;
}

/* Sets *known when @name is a member this version knows for @entity. */
static gboolean
read_entity_member (Reader     *self,
                    IisEntity  *entity,
                    const char *name,
                    JsonNode   *node,
                    gboolean   *known)
{
  const IisMember *members;
  const char *text;

  *known = TRUE;

  /* Common members */
  if (g_str_equal (name, "type") || g_str_equal (name, "id"))
    return TRUE;
  if (g_str_equal (name, "name"))
    {
      if (!get_string (self, node, name, &text))
        return FALSE;
      iis_entity_set_name (entity, text);
      return TRUE;
    }
  if (g_str_equal (name, "description"))
    {
      if (!get_string (self, node, name, &text))
        return FALSE;
      iis_entity_set_description (entity, text);
      return TRUE;
    }
  if (g_str_equal (name, "labels"))
    return read_string_map (self, node, name, entity_set_label, entity);
  if (g_str_equal (name, "other-names"))
    return read_other_names (self, entity, node);
  if (g_str_equal (name, "identifiers"))
    return read_string_map (self, node, name, entity_set_identifier, entity);
  if (g_str_equal (name, "sources"))
    return read_sources (self, node, name, entity_add_source, entity);

  /* The type's own members */
  members = _iis_format_get_entity_members (G_OBJECT_TYPE (entity));
  for (const IisMember *m = members; m != NULL && m->name != NULL; m++)
    if (g_str_equal (name, m->name))
      return read_property_member (self, entity, m, node);

  *known = FALSE;
  return TRUE;
}

/* The path is at entities[index]. */
gboolean
read_entity (Reader   *self,
             JsonNode *node,
             guint     index)
{
  JsonObject *object;
  JsonNode *member;
  const char *nick, *id, *name;
  GType type;
  g_autoptr(IisEntity) entity = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  g_autofree char *where = NULL;
  GError *local_error = NULL;
  JsonObjectIter iter;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, NULL, node, "an object");
  object = json_node_get_object (node);

  member = json_object_get_member (object, "type");
  if (member == NULL)
    return fail_missing (self, "type");
  if (!get_string (self, member, "type", &nick))
    return FALSE;
  type = iis_entity_type_from_nick (nick);
  if (type == G_TYPE_INVALID)
    {
      g_autofree char *text = _iis_format_printable (nick);

      return reader_fail (self, "type", IIS_ERROR_INVALID_VALUE,
                          "unknown entity type “%s” (expected one of: state, organization, "
                          "agreement, forum, threat-category)", text);
    }

  member = json_object_get_member (object, "id");
  if (member == NULL)
    return fail_missing (self, "id");
  if (!get_id (self, member, "id", &id))
    return FALSE;

  entity = g_object_new (type, "id", id, NULL);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean known;

      if (!read_entity_member (self, entity, name, member, &known))
        return FALSE;
      if (!known)
        keep_unknown (self, &unknown, name, member);
    }

  if (unknown != NULL)
    _iis_entity_set_unknown (entity, unknown);

  where = g_strdup_printf ("entities[%u].id", index);
  if (!_iis_stage_add_entity (self->stage, entity, where, &local_error))
    return reader_take_error (self, local_error);
  return TRUE;
}

/* ---- Relations ---------------------------------------------------- */

static void
relation_add_source (gpointer   owner,
                     IisSource *source)
{
  Reader *self = owner;

  g_ptr_array_add (self->sources, g_object_ref (source));
}

static void
relation_add_qualifier (gpointer    owner,
                        const char *key,
                        const char *value)
{
  Reader *self = owner;

  g_ptr_array_add (self->qualifiers, (gpointer) key);
  g_ptr_array_add (self->qualifiers, (gpointer) value);
}

gboolean
read_relation (Reader   *self,
               JsonNode *node)
{
  JsonObject *object;
  JsonNode *member;
  const char *nick, *subject, *object_id, *name;
  const char *role = NULL;
  IisRelationKind kind;
  IisConfidence confidence = IIS_CONFIDENCE_UNSPECIFIED;
  guint32 start = IIS_DATE_PACKED_NONE;
  guint32 end = IIS_DATE_PACKED_NONE;
  g_autoptr(JsonObject) unknown = NULL;
  g_autofree char *unknown_json = NULL;
  GError *local_error = NULL;
  JsonObjectIter iter;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, NULL, node, "an object");
  object = json_node_get_object (node);

  member = json_object_get_member (object, "kind");
  if (member == NULL)
    return fail_missing (self, "kind");
  if (!get_string (self, member, "kind", &nick))
    return FALSE;
  kind = iis_relation_kind_from_nick (nick);
  if (kind == IIS_RELATION_KIND_ANY)
    {
      g_autofree char *text = _iis_format_printable (nick);

      return reader_fail (self, "kind", IIS_ERROR_INVALID_VALUE,
                          "unknown relation kind “%s” (expected one of: member-of, part-of, "
                          "signatory-of, party-to, organizer-of, participant-in, host-of, "
                          "adopted-within, addresses, implements, amends, supersedes, "
                          "references)", text);
    }

  member = json_object_get_member (object, "subject");
  if (member == NULL)
    return fail_missing (self, "subject");
  if (!get_id (self, member, "subject", &subject))
    return FALSE;

  member = json_object_get_member (object, "object");
  if (member == NULL)
    return fail_missing (self, "object");
  if (!get_id (self, member, "object", &object_id))
    return FALSE;

  g_ptr_array_set_size (self->qualifiers, 0);
  g_ptr_array_set_size (self->sources, 0);

  ok = TRUE;
  json_object_iter_init_ordered (&iter, object);
  while (ok && json_object_iter_next_ordered (&iter, &name, &member))
    {
      IisDate date;

      if (g_str_equal (name, "kind") || g_str_equal (name, "subject")
          || g_str_equal (name, "object"))
        {
          continue;
        }
      else if (g_str_equal (name, "role"))
        {
          ok = get_string (self, member, name, &role);
        }
      else if (g_str_equal (name, "start"))
        {
          ok = get_date (self, member, name, &date);
          start = ok ? _iis_date_pack (&date) : IIS_DATE_PACKED_NONE;
        }
      else if (g_str_equal (name, "end"))
        {
          ok = get_date (self, member, name, &date);
          end = ok ? _iis_date_pack (&date) : IIS_DATE_PACKED_NONE;
        }
      else if (g_str_equal (name, "confidence"))
        {
          int value = 0;

          ok = get_enum (self, member, name, self->confidences, &value);
          confidence = value;
        }
      else if (g_str_equal (name, "qualifiers"))
        {
          ok = read_string_map (self, member, name, relation_add_qualifier, self);
        }
      else if (g_str_equal (name, "sources"))
        {
          ok = read_sources (self, member, name, relation_add_source, self);
        }
      else
        {
          keep_unknown (NULL, &unknown, name, member);
        }
    }

  if (ok)
    {
      if (unknown != NULL)
        unknown_json = _iis_writer_object_to_string (unknown);
      g_ptr_array_add (self->qualifiers, NULL);

      ok = _iis_stage_add_relation (self->stage, kind, subject, object_id, role,
                                    start, end, confidence,
                                    self->qualifiers->len > 1
                                      ? (const char * const *) self->qualifiers->pdata : NULL,
                                    (IisSource * const *) self->sources->pdata,
                                    self->sources->len,
                                    unknown_json, &local_error);
      if (!ok)
        {
          g_autoptr(GString) path = g_string_new (NULL);

          path_append (self, path, NULL);
          g_prefix_error (&local_error, "%s: ", path->str);
          reader_take_error (self, local_error);
        }
    }

  g_ptr_array_set_size (self->qualifiers, 0);
  g_ptr_array_set_size (self->sources, 0);
  return ok;
}
