/* iis-problem.h: an inconsistency found by validation
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(IIS_INSIDE) && !defined(IIS_COMPILATION)
# error "Only <libiis/iis.h> can be included directly."
#endif

#include <glib-object.h>

#include "iis-version.h"

G_BEGIN_DECLS

/**
 * IisProblemKind:
 * @IIS_PROBLEM_KIND_REVERSED_PERIOD: a period ends before it starts
 * @IIS_PROBLEM_KIND_OUTSIDE_LIFETIME: a relation is dated outside the life
 *   of one of its ends (before an organization was founded or after it
 *   was dissolved)
 * @IIS_PROBLEM_KIND_PART_OF_CYCLE: `part-of` relations form a cycle
 * @IIS_PROBLEM_KIND_OVERLAPPING_RELATIONS: two relations of the same kind
 *   and role between the same ends overlap in time
 * @IIS_PROBLEM_KIND_SHARED_IDENTIFIER: several entities hold the same
 *   external identifier (one problem for each identifier; its subject is
 *   the first holder by id)
 * @IIS_PROBLEM_KIND_OUTSIDE_EXISTENCE: a relation of a state, such as a
 *   membership, is dated outside the state's existence (it starts before
 *   the state was founded or after it ceased). Since: 1.1
 * @IIS_PROBLEM_KIND_UNKNOWN_ROLE: a relation's role is not one of the
 *   roles its kind knows ([func@Iis.RelationKind.get_known_roles]): for a
 *   treaty action (`consented-to`, `denounced` …) an error that
 *   [method@Iis.Catalog.validate] reports; for other kinds with a known
 *   set, such as `"memebr"` for `member-of`, a warning reported only by
 *   [method@Iis.Catalog.validate_full] with %IIS_VALIDATE_FLAGS_WARNINGS.
 *   Since: 1.1
 * @IIS_PROBLEM_KIND_INVALID_QUALIFIER: a qualifier of a treaty action is
 *   not what it should be: a `denounced` relation's `effective` that is
 *   not a date, an objection `against` an id the catalog does not hold.
 *   Since: 1.1
 * @IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER: a party's actions on an
 *   agreement are dated in an impossible order: a ratification deposited
 *   before the signature, an entry into force before the deposit or
 *   before the agreement's own entry into force, a
 *   signature or a consent before the agreement was opened for signature,
 *   a reservation made after a denunciation took effect, a denunciation
 *   that takes effect before it was notified.
 *   Since: 1.1
 * @IIS_PROBLEM_KIND_UNKNOWN_MEMBER: a member of the file that this
 *   version of the format does not define was kept as it was (a newer
 *   file, or a misspelt member such as `"founed"`); the message says
 *   which known member it may stand for. A warning, reported only by
 *   [method@Iis.Catalog.validate_full] with
 *   %IIS_VALIDATE_FLAGS_WARNINGS. Since: 1.1
 *
 * What an [class@Iis.Problem] is about. The JSON nick is the name in
 * lower case with dashes.
 *
 * Since: 1.0
 */
typedef enum {
  IIS_PROBLEM_KIND_REVERSED_PERIOD,
  IIS_PROBLEM_KIND_OUTSIDE_LIFETIME,
  IIS_PROBLEM_KIND_PART_OF_CYCLE,
  IIS_PROBLEM_KIND_OVERLAPPING_RELATIONS,
  IIS_PROBLEM_KIND_SHARED_IDENTIFIER,
  IIS_PROBLEM_KIND_OUTSIDE_EXISTENCE,
  IIS_PROBLEM_KIND_UNKNOWN_ROLE,
  IIS_PROBLEM_KIND_INVALID_QUALIFIER,
  IIS_PROBLEM_KIND_ACTIONS_OUT_OF_ORDER,
  IIS_PROBLEM_KIND_UNKNOWN_MEMBER,
} IisProblemKind;

/**
 * IisProblemSeverity:
 * @IIS_PROBLEM_SEVERITY_ERROR: the catalog is inconsistent
 * @IIS_PROBLEM_SEVERITY_WARNING: the catalog is consistent, but holds
 *   something that is probably a mistake (an unknown member or role)
 *
 * How serious an [class@Iis.Problem] is; it follows from its kind.
 *
 * Since: 1.1
 */
typedef enum {
  IIS_PROBLEM_SEVERITY_ERROR,
  IIS_PROBLEM_SEVERITY_WARNING,
} IisProblemSeverity;

#define IIS_TYPE_PROBLEM (iis_problem_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisProblem, iis_problem, IIS, PROBLEM, GObject)

IIS_AVAILABLE_IN_ALL
IisProblem     *iis_problem_new           (IisProblemKind  kind,
                                           const char     *subject_id,
                                           const char     *message);
IIS_AVAILABLE_IN_ALL
IisProblemKind  iis_problem_get_kind      (IisProblem     *self);
IIS_AVAILABLE_IN_ALL
const char     *iis_problem_get_subject_id (IisProblem    *self);
IIS_AVAILABLE_IN_ALL
const char     *iis_problem_get_message   (IisProblem     *self);
IIS_AVAILABLE_IN_1_1
IisProblemSeverity iis_problem_get_severity (IisProblem   *self);
IIS_AVAILABLE_IN_ALL
GObject        *iis_problem_get_item      (IisProblem     *self);
IIS_AVAILABLE_IN_ALL
void            iis_problem_set_item      (IisProblem     *self,
                                           GObject        *item);

G_END_DECLS
