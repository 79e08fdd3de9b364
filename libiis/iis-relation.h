/* iis-relation.h: a typed, dated link between two entities
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include "iis-entity.h"

G_BEGIN_DECLS

/**
 * IisRelationKind:
 * @IIS_RELATION_KIND_ANY: no kind; a wildcard in questions
 * @IIS_RELATION_KIND_MEMBER_OF: a state or organization is a member of an
 *   organization (`member-of`; the role says how: `"member"`, `"observer"`,
 *   `"dialogue-partner"`, `"associate"` …)
 * @IIS_RELATION_KIND_PART_OF: an entity is part of another of the same type:
 *   a body of an organization, an edition of a forum series, a narrower
 *   threat category, a part of an agreement (`part-of`)
 * @IIS_RELATION_KIND_SIGNATORY_OF: a state or organization signed an
 *   agreement (`signatory-of`, dated by the signature)
 * @IIS_RELATION_KIND_PARTY_TO: a state or organization is bound by an
 *   agreement (`party-to`; the role is the way of consent, the start the
 *   entry into force for that party)
 * @IIS_RELATION_KIND_ORGANIZER_OF: a state or organization organized a forum
 *   (`organizer-of`)
 * @IIS_RELATION_KIND_PARTICIPANT_IN: a state or organization took part in a
 *   forum (`participant-in`)
 * @IIS_RELATION_KIND_HOST_OF: a state or organization hosted a forum
 *   (`host-of`)
 * @IIS_RELATION_KIND_ADOPTED_WITHIN: an agreement was adopted in an
 *   organization or at a forum (`adopted-within`)
 * @IIS_RELATION_KIND_ADDRESSES: an agreement or a forum addresses a threat
 *   category (`addresses`)
 * @IIS_RELATION_KIND_IMPLEMENTS: an agreement implements another
 *   (`implements`)
 * @IIS_RELATION_KIND_AMENDS: an agreement amends another (`amends`)
 * @IIS_RELATION_KIND_SUPERSEDES: an agreement supersedes another
 *   (`supersedes`)
 * @IIS_RELATION_KIND_REFERENCES: an agreement refers to another
 *   (`references`)
 * @IIS_RELATION_KIND_VOTES_ON: a state or organization cast a recorded
 *   vote on an agreement, such as a General Assembly resolution
 *   (`votes-on`; the role is the vote: `"yes"`, `"no"`, `"abstain"`,
 *   `"non-voting"`; the start the date of the vote). Since: 1.1
 * @IIS_RELATION_KIND_SUPPORTS: a state or organization endorsed or joined
 *   a non-binding instrument or initiative, such as the Paris Call
 *   (`supports`; the start is the date of the endorsement). Since: 1.1
 * @IIS_RELATION_KIND_SPONSOR_OF: a state or organization sponsored,
 *   submitted or circulated an agreement or a document, such as a draft
 *   resolution or a code of conduct sent to the UN Secretary-General
 *   (`sponsor-of`; the role says how: `"sponsor"`, `"co-sponsor"`,
 *   `"circulated"`). Since: 1.1
 * @IIS_RELATION_KIND_CONTINUES: a state continues the legal personality
 *   of another (Russia → USSR) (`continues`; the start is the date of the
 *   continuation). Questions that follow continuity count the other
 *   state's relations as the continuing state's. Since: 1.1
 * @IIS_RELATION_KIND_SUCCEEDS: a state succeeded another (Czech Republic
 *   → Czechoslovakia) (`succeeds`; the start is the date of the
 *   succession). A successor is a new legal person: questions that
 *   follow continuity do not follow succession. Since: 1.1
 * @IIS_RELATION_KIND_CONSENTED_TO: a state or organization consented to be
 *   bound by an agreement (`consented-to`; the role is the way of consent:
 *   `"ratification"`, `"acceptance"`, `"approval"`, `"formal-confirmation"`,
 *   `"accession"`, `"succession"`, `"definitive-signature"`; the start the
 *   date the instrument was deposited, or of the definitive signature; the
 *   end the date the consent was withdrawn, if it was). Since: 1.1
 * @IIS_RELATION_KIND_PROVISIONALLY_APPLIES: a state or organization applies
 *   an agreement provisionally (`provisionally-applies`; start and end of
 *   the provisional application). Since: 1.1
 * @IIS_RELATION_KIND_RESERVATION_TO: a state or organization made a
 *   reservation to an agreement (`reservation-to`; the start the date it
 *   was made, the end the date it was withdrawn; qualifiers `article` and
 *   `text`). Since: 1.1
 * @IIS_RELATION_KIND_DECLARATION_TO: a state or organization made a
 *   declaration on an agreement (`declaration-to`; as for reservations; the
 *   role may say `"interpretative"`, `"territorial-application"` or
 *   `"designation"`). Since: 1.1
 * @IIS_RELATION_KIND_OBJECTION_TO: a state or organization objected to
 *   another party's reservation or declaration on an agreement
 *   (`objection-to`; as for reservations, and the qualifier `against` is
 *   the id of the party whose reservation is objected to). Since: 1.1
 * @IIS_RELATION_KIND_DENOUNCED: a state or organization denounced or
 *   withdrew from an agreement (`denounced`; the role `"denunciation"` or
 *   `"withdrawal"`; the start the date of the notification, the qualifier
 *   `effective` the date the denunciation takes effect). Since: 1.1
 *
 * The kind of an [class@Iis.Relation]. Each kind allows only some entity
 * types at each end; see [func@Iis.RelationKind.allows].
 *
 * Since: 1.0
 */
typedef enum {
  IIS_RELATION_KIND_ANY,
  IIS_RELATION_KIND_MEMBER_OF,
  IIS_RELATION_KIND_PART_OF,
  IIS_RELATION_KIND_SIGNATORY_OF,
  IIS_RELATION_KIND_PARTY_TO,
  IIS_RELATION_KIND_ORGANIZER_OF,
  IIS_RELATION_KIND_PARTICIPANT_IN,
  IIS_RELATION_KIND_HOST_OF,
  IIS_RELATION_KIND_ADOPTED_WITHIN,
  IIS_RELATION_KIND_ADDRESSES,
  IIS_RELATION_KIND_IMPLEMENTS,
  IIS_RELATION_KIND_AMENDS,
  IIS_RELATION_KIND_SUPERSEDES,
  IIS_RELATION_KIND_REFERENCES,
  IIS_RELATION_KIND_VOTES_ON,
  IIS_RELATION_KIND_SUPPORTS,
  IIS_RELATION_KIND_SPONSOR_OF,
  IIS_RELATION_KIND_CONTINUES,
  IIS_RELATION_KIND_SUCCEEDS,
  IIS_RELATION_KIND_CONSENTED_TO,
  IIS_RELATION_KIND_PROVISIONALLY_APPLIES,
  IIS_RELATION_KIND_RESERVATION_TO,
  IIS_RELATION_KIND_DECLARATION_TO,
  IIS_RELATION_KIND_OBJECTION_TO,
  IIS_RELATION_KIND_DENOUNCED,
} IisRelationKind;

/**
 * IisConfidence:
 * @IIS_CONFIDENCE_UNSPECIFIED: no confidence was stated
 * @IIS_CONFIDENCE_LOW: weak: one source, or not confirmed
 * @IIS_CONFIDENCE_MEDIUM: a secondary source was seen, or the primary
 *   source only in part
 * @IIS_CONFIDENCE_HIGH: an official or primary source was seen
 *
 * How sure the sources make a fact.
 *
 * Since: 1.0
 */
typedef enum {
  IIS_CONFIDENCE_UNSPECIFIED,
  IIS_CONFIDENCE_LOW,
  IIS_CONFIDENCE_MEDIUM,
  IIS_CONFIDENCE_HIGH,
} IisConfidence;

IIS_AVAILABLE_IN_ALL
gboolean         iis_relation_kind_allows        (IisRelationKind  kind,
                                                  GType            subject_type,
                                                  GType            object_type);
IIS_AVAILABLE_IN_ALL
const char      *iis_relation_kind_to_nick       (IisRelationKind  kind);
IIS_AVAILABLE_IN_ALL
IisRelationKind  iis_relation_kind_from_nick     (const char      *nick);

#define IIS_TYPE_RELATION (iis_relation_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisRelation, iis_relation, IIS, RELATION, GObject)

IIS_AVAILABLE_IN_ALL
IisRelation     *iis_relation_new                (IisRelationKind  kind,
                                                  IisEntity       *subject,
                                                  IisEntity       *object);
IIS_AVAILABLE_IN_ALL
IisRelationKind  iis_relation_get_kind           (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
IisEntity       *iis_relation_get_subject        (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
IisEntity       *iis_relation_get_object         (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
const char      *iis_relation_get_role           (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
void             iis_relation_set_role           (IisRelation     *self,
                                                  const char      *role);
IIS_AVAILABLE_IN_ALL
const IisDate   *iis_relation_get_start          (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
void             iis_relation_set_start          (IisRelation     *self,
                                                  const IisDate   *start);
IIS_AVAILABLE_IN_ALL
const IisDate   *iis_relation_get_end            (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
void             iis_relation_set_end            (IisRelation     *self,
                                                  const IisDate   *end);
IIS_AVAILABLE_IN_ALL
IisConfidence    iis_relation_get_confidence     (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
void             iis_relation_set_confidence     (IisRelation     *self,
                                                  IisConfidence    confidence);
IIS_AVAILABLE_IN_ALL
const char      *iis_relation_get_qualifier      (IisRelation     *self,
                                                  const char      *key);
IIS_AVAILABLE_IN_ALL
void             iis_relation_set_qualifier      (IisRelation     *self,
                                                  const char      *key,
                                                  const char      *value);
IIS_AVAILABLE_IN_ALL
char           **iis_relation_dup_qualifier_keys (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
void             iis_relation_add_source         (IisRelation     *self,
                                                  IisSource       *source);
IIS_AVAILABLE_IN_ALL
GListModel      *iis_relation_get_sources        (IisRelation     *self);
IIS_AVAILABLE_IN_ALL
gboolean         iis_relation_holds_at           (IisRelation     *self,
                                                  const IisDate   *at);
IIS_AVAILABLE_IN_ALL
gboolean         iis_relation_is_in_catalog      (IisRelation     *self);

G_END_DECLS
