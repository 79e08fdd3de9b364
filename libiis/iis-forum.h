/* iis-forum.h: a forum, conference, summit or meeting
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
 * IisForumKind:
 * @IIS_FORUM_KIND_OTHER: none of the kinds below
 * @IIS_FORUM_KIND_FORUM: a forum
 * @IIS_FORUM_KIND_CONFERENCE: a conference
 * @IIS_FORUM_KIND_SUMMIT: a summit of heads of state or government
 * @IIS_FORUM_KIND_MEETING: a meeting (of a commission, a council …)
 * @IIS_FORUM_KIND_SERIES: a recurring series; its editions are `part-of` it
 *
 * What kind of gathering an [class@Iis.Forum] is. The JSON nick is the
 * name in lower case (`"summit"`).
 *
 * Since: 1.0
 */
typedef enum {
  IIS_FORUM_KIND_OTHER,
  IIS_FORUM_KIND_FORUM,
  IIS_FORUM_KIND_CONFERENCE,
  IIS_FORUM_KIND_SUMMIT,
  IIS_FORUM_KIND_MEETING,
  IIS_FORUM_KIND_SERIES,
} IisForumKind;

#define IIS_TYPE_FORUM (iis_forum_get_type ())

IIS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (IisForum, iis_forum, IIS, FORUM, IisEntity)

IIS_AVAILABLE_IN_ALL
IisForum       *iis_forum_new                             (const char    *id,
                                                           const char    *name);
IIS_AVAILABLE_IN_ALL
IisForumKind    iis_forum_get_kind                        (IisForum      *self);
IIS_AVAILABLE_IN_ALL
void            iis_forum_set_kind                        (IisForum      *self,
                                                           IisForumKind   kind);
IIS_AVAILABLE_IN_ALL
const IisDate  *iis_forum_get_start                       (IisForum      *self);
IIS_AVAILABLE_IN_ALL
void            iis_forum_set_start                       (IisForum      *self,
                                                           const IisDate *start);
IIS_AVAILABLE_IN_ALL
const IisDate  *iis_forum_get_end                         (IisForum      *self);
IIS_AVAILABLE_IN_ALL
void            iis_forum_set_end                         (IisForum      *self,
                                                           const IisDate *end);
IIS_AVAILABLE_IN_ALL
const char     *iis_forum_get_city                        (IisForum      *self);
IIS_AVAILABLE_IN_ALL
void            iis_forum_set_city                        (IisForum      *self,
                                                           const char    *city);
IIS_AVAILABLE_IN_ALL
guint           iis_forum_get_participant_count           (IisForum      *self);
IIS_AVAILABLE_IN_ALL
void            iis_forum_set_participant_count           (IisForum      *self,
                                                           guint          count);
IIS_AVAILABLE_IN_ALL
gboolean        iis_forum_get_participant_count_is_minimum (IisForum     *self);
IIS_AVAILABLE_IN_ALL
void            iis_forum_set_participant_count_is_minimum (IisForum     *self,
                                                            gboolean      is_minimum);
IIS_AVAILABLE_IN_ALL
const char * const *iis_forum_get_topics                  (IisForum      *self);
IIS_AVAILABLE_IN_ALL
void            iis_forum_set_topics                      (IisForum      *self,
                                                           const char * const *topics);
IIS_AVAILABLE_IN_ALL
void            iis_forum_add_topic                       (IisForum      *self,
                                                           const char    *topic);

G_END_DECLS
