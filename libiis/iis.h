/* iis.h: the single public include of libiis
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#define IIS_INSIDE
# include "iis-version.h"
# include "iis-enum-types.h"
# include "iis-error.h"
# include "iis-date.h"
# include "iis-source.h"
# include "iis-name.h"
# include "iis-entity.h"
# include "iis-state.h"
# include "iis-organization.h"
# include "iis-agreement.h"
# include "iis-forum.h"
# include "iis-threat-category.h"
# include "iis-relation.h"
# include "iis-answer.h"
# include "iis-problem.h"
# include "iis-catalog.h"
# include "iis-relation-iter.h"
# include "iis-continuity.h"
# include "iis-party-status.h"
# include "iis-query.h"
# include "iis-import.h"
#undef IIS_INSIDE
