/* iis-chart-timeline.c: `iis chart timeline`, periods as bars
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * One row per entity at the other end, one bar per relation:
 *
 * - an organization: its members (member-of relations), coloured by
 *   role, so a change of role is a change of colour along the row;
 * - a state (or any member): the organizations it belongs to, then the
 *   agreements it signed (signatory-of: from the signature until it is
 *   bound) and is bound by (party-to);
 * - an agreement: its signatories and parties, the same way.
 *
 * A bar's certain part is solid; what an inexact date leaves open (from
 * its earliest to its latest reading, see iis_date_dup_earliest()) is
 * hatched; a period that has ended gets a dark end, one that goes on an
 * arrow. An organization's founding and dissolution are vertical lines.
 */

#include <math.h>
#include <string.h>

#include "iis-chart.h"

typedef struct
{
  IisRelation *relation;     /* borrowed from the catalog's model */
  const char  *category;     /* role, "signatory" or "party" */
  IisDate     *start;
  IisDate     *end;          /* for a signature: the party's start */
} Period;

static void
period_clear (gpointer data)
{
  Period *period = data;

  g_clear_pointer (&period->start, iis_date_free);
  g_clear_pointer (&period->end, iis_date_free);
}

typedef struct
{
  IisEntity *entity;         /* the other end */
  const char *section;       /* "Memberships", "Agreements", or NULL */
  GArray    *periods;        /* of Period */
  double     first;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_array_unref (row->periods);
  g_free (row);
}

static Row *
find_row (GPtrArray  *rows,
          IisEntity  *entity,
          const char *section)
{
  Row *row;

  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      if (row->entity == entity && row->section == section)
        return row;
    }
  row = g_new0 (Row, 1);
  row->entity = entity;
  row->section = section;
  row->periods = g_array_new (FALSE, TRUE, sizeof (Period));
  g_array_set_clear_func (row->periods, period_clear);
  row->first = G_MAXDOUBLE;
  g_ptr_array_add (rows, row);
  return row;
}

static double
date_years (const IisDate *date,
            gboolean       latest)
{
  g_autoptr(IisDate) exact = NULL;

  if (date == NULL)
    return NAN;
  if (iis_date_get_qualifiers (date) == IIS_DATE_QUALIFIERS_NONE)
    return chart_date_to_years (date);
  exact = latest ? iis_date_dup_latest (date) : iis_date_dup_earliest (date);
  return chart_date_to_years (exact);
}

/* Where a date puts the axis: its earliest reading (latest, for an
 * end), unless it leaves more than a decade open ("../2004" is read as
 * 2004, "XXXX" not at all): those ends are hatched out to the edge. */
static double
date_anchor (const IisDate *date,
             gboolean       end)
{
  double lo = date_years (date, FALSE);
  double hi = date_years (date, TRUE);

  if (date == NULL)
    return NAN;
  if (hi - lo <= 10)
    return end ? hi : lo;
  if (!end && (iis_date_get_qualifiers (date) & IIS_DATE_QUALIFIERS_ON_OR_BEFORE))
    return hi;
  return NAN;
}

static void
add_period (Row           *row,
            IisRelation   *relation,
            const char    *category,
            const IisDate *end)
{
  const IisDate *start = iis_relation_get_start (relation);
  Period period = { relation, category,
                    start != NULL ? iis_date_copy (start) : NULL,
                    end != NULL ? iis_date_copy (end) : NULL };
  double first = date_anchor (period.start, FALSE);

  if (!isnan (first))
    row->first = MIN (row->first, first);
  g_array_append_val (row->periods, period);
}

/* The relations of @entity of @kind, from the subject's side (@outgoing)
 * or the object's, into rows by the other end. */
static void
add_relations (IisCatalog      *catalog,
               IisEntity       *entity,
               IisRelationKind  kind,
               gboolean         outgoing,
               const char      *section,
               GPtrArray       *rows,
               GPtrArray       *models)
{
  GListModel *relations = outgoing
    ? iis_catalog_list_relations (catalog, entity, kind, NULL)
    : iis_catalog_list_relations (catalog, NULL, kind, entity);
  guint n = g_list_model_get_n_items (relations);

  g_ptr_array_add (models, relations);
  for (guint i = 0; i < n; i++)
    {
      IisRelation *relation = g_list_model_get_item (relations, i);
      IisEntity *other = outgoing ? iis_relation_get_object (relation)
                                  : iis_relation_get_subject (relation);
      Row *row = find_row (rows, other, section);
      const char *category;
      const IisDate *end = iis_relation_get_end (relation);

      /* The model keeps the relation alive. */
      g_object_unref (relation);

      if (kind == IIS_RELATION_KIND_MEMBER_OF)
        {
          IisEntity *organization = iis_relation_get_object (relation);
          const IisDate *dissolved = IIS_IS_ORGANIZATION (organization)
            ? iis_organization_get_dissolved (IIS_ORGANIZATION (organization)) : NULL;

          category = iis_relation_get_role (relation) != NULL ? iis_relation_get_role (relation)
                                                              : "member";
          /* A dissolution ends the memberships, as in the questions. */
          if (dissolved != NULL && (end == NULL || iis_date_compare (end, dissolved) > 0))
            end = dissolved;
        }
      else if (kind == IIS_RELATION_KIND_PARTY_TO)
        category = "party";
      else
        {
          /* A signature counts until the signatory is bound. */
          IisEntity *state = iis_relation_get_subject (relation);
          IisEntity *agreement = iis_relation_get_object (relation);
          g_autoptr(GListModel) bound = iis_catalog_list_relations (catalog, state,
                                                                    IIS_RELATION_KIND_PARTY_TO,
                                                                    agreement);

          category = "signatory";
          if (end == NULL && g_list_model_get_n_items (bound) > 0)
            {
              g_autoptr(IisRelation) party = g_list_model_get_item (bound, 0);

              /* Added while the party relation is alive: it copies. */
              add_period (row, relation, category, iis_relation_get_start (party));
              continue;
            }
        }
      add_period (row, relation, category, end);
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Row *x = *(Row **) a;
  const Row *y = *(Row **) b;
  CliContext *ctx = data;

  if (x->section != y->section)
    return g_strcmp0 (x->section, y->section) > 0 ? -1 : 1;  /* Memberships first */
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return g_utf8_collate (cli_entity_label (ctx, x->entity), cli_entity_label (ctx, y->entity));
}

static char *
period_title (CliContext   *ctx,
              Row          *row,
              const Period *period)
{
  g_autofree char *when = cli_period_string (period->start, period->end);
  const char *role = iis_relation_get_role (period->relation);

  if (g_strcmp0 (period->category, "signatory") == 0)
    role = "signed";
  else if (g_strcmp0 (period->category, "party") == 0)
    role = role != NULL ? role : "party";

  return g_strdup_printf ("%s — %s, %s", cli_entity_label (ctx, row->entity),
                          role != NULL ? role : chart_role_title (period->category),
                          when != NULL ? when : "dates unknown");
}

typedef struct
{
  ChartCanvas    *canvas;
  ChartTimeScale  scale;
} Plot;

/* The dissolution of the organization of a row, when it is in the years
 * shown. */
static const IisDate *
row_dissolved_at (Row                  *row,
                  const ChartTimeScale *scale)
{
  const IisDate *dissolved;
  double t;

  if (!IIS_IS_ORGANIZATION (row->entity))
    return NULL;
  dissolved = iis_organization_get_dissolved (IIS_ORGANIZATION (row->entity));
  t = date_years (dissolved, FALSE);
  return dissolved != NULL && t >= scale->t0 && t <= scale->t1 ? dissolved : NULL;
}

/* Whether any of the period falls in the years shown. */
static gboolean
period_shown (const Period *period,
              double        t0,
              double        t1)
{
  double s_lo = period->start != NULL ? date_years (period->start, FALSE) : t0;
  double e_hi = period->end != NULL ? date_years (period->end, TRUE) : t1;

  return !(e_hi < t0 || s_lo > t1 || (e_hi <= t0 && period->end != NULL));
}

static void
draw_period (CliContext   *ctx,
             Plot         *plot,
             Row          *row,
             const Period *period,
             double        y,
             double        height,
             const char   *row_class)
{
  cairo_t *cr = chart_canvas_get_cr (plot->canvas);
  const ChartColor *color = chart_role_color (period->category);
  double t0 = plot->scale.t0, t1 = plot->scale.t1;
  double s_lo = date_years (period->start, FALSE);
  double s_hi = date_years (period->start, TRUE);
  double e_lo = date_years (period->end, FALSE);
  double e_hi = date_years (period->end, TRUE);
  gboolean unknown_start = period->start == NULL;
  gboolean ongoing = period->end == NULL;
  double x_s_lo, x_s_hi, x_e_lo, x_e_hi, left, right;
  g_autofree char *title = NULL;
  g_autofree char *klass = NULL;

  if (unknown_start)
    s_lo = s_hi = t0;
  if (ongoing)
    e_lo = e_hi = t1;
  /* What the dates leave open stops at what the row says for certain: a
   * period does not end before it starts, and "bound on or before 2008"
   * after a signature in 2001 is bound between the two. */
  for (guint i = 0; i < row->periods->len; i++)
    {
      const Period *other = &g_array_index (row->periods, Period, i);
      double other_start = date_years (other->start, TRUE);

      if (other != period && !isnan (other_start) && other_start < s_hi)
        s_lo = MAX (s_lo, other_start);
    }
  e_lo = MAX (e_lo, s_hi);
  if (!period_shown (period, t0, t1))
    return;
  /* Ends after the years shown: goes on, as far as the chart tells. */
  if (e_lo > t1)
    ongoing = TRUE;

  x_s_lo = chart_time_x (&plot->scale, CLAMP (s_lo, t0, t1));
  x_s_hi = chart_time_x (&plot->scale, CLAMP (s_hi, t0, t1));
  x_e_lo = chart_time_x (&plot->scale, CLAMP (e_lo, t0, t1));
  x_e_hi = chart_time_x (&plot->scale, CLAMP (e_hi, t0, t1));
  if (x_e_lo < x_s_hi)
    x_e_lo = x_s_hi = (x_e_lo + x_s_hi) / 2;
  /* A period of a day is still seen. */
  if (x_e_hi - x_s_lo < 2)
    x_e_hi = x_e_lo = x_s_lo + 2;
  left = x_s_lo;
  right = x_e_hi;

  /* An unknown start fades in over a few pixels. */
  if (unknown_start)
    {
      double fade = MIN (24, (x_e_lo - x_s_lo) / 2);
      cairo_pattern_t *gradient = cairo_pattern_create_linear (x_s_lo, 0, x_s_lo + fade, 0);

      cairo_pattern_add_color_stop_rgba (gradient, 0, color->r, color->g, color->b, 0.1);
      cairo_pattern_add_color_stop_rgba (gradient, 1, color->r, color->g, color->b, 1);
      cairo_set_source (cr, gradient);
      cairo_rectangle (cr, x_s_lo, y, fade, height);
      cairo_fill (cr);
      cairo_pattern_destroy (gradient);
      x_s_hi = x_s_lo + fade;
    }
  else
    chart_fill_hatched (cr, color, x_s_lo, y, x_s_hi - x_s_lo, height);

  chart_set_color (cr, color, 1.0);
  cairo_rectangle (cr, x_s_hi, y, x_e_lo - x_s_hi, height);
  cairo_fill (cr);
  chart_fill_hatched (cr, color, x_e_lo, y, x_e_hi - x_e_lo, height);

  /* A pale yellow needs an edge on white. */
  if (g_strcmp0 (period->category, "partner") == 0)
    {
      cairo_set_source_rgba (cr, 0.6, 0.55, 0.1, 1);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, left + 0.5, y + 0.5, right - left - 1, height - 1);
      cairo_stroke (cr);
    }

  /* Where one role gives way to the next, a white seam. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, left, y, 1, height);
  cairo_fill (cr);

  if (!ongoing)
    {
      chart_set_color (cr, &chart_black, 0.8);
      cairo_rectangle (cr, right - 2, y, 2, height);
      cairo_fill (cr);
    }
  else
    {
      /* Goes on: an arrow head past the last year shown. */
      chart_set_color (cr, color, 1.0);
      cairo_move_to (cr, right, y - 2);
      cairo_line_to (cr, right + 7, y + height / 2);
      cairo_line_to (cr, right, y + height + 2);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  title = period_title (ctx, row, period);
  klass = g_strdup_printf ("bar %s %s%s", period->category, row_class,
                           (period->start != NULL && !iis_date_is_exact (period->start))
                           || (period->end != NULL && !iis_date_is_exact (period->end))
                           ? " inexact" : "");
  chart_canvas_add_mark (plot->canvas, klass, left, y, right - left, height, title);
}

/* The categories in the rows, in the palette's order, for the legend. */
static void
collect_categories (GPtrArray  *rows,
                    GPtrArray  *categories,
                    gboolean   *any_inexact)
{
  static const char *order[] = {
    "member", "associate", "observer", "partner", "dialogue-partner", "signatory", "party",
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  *any_inexact = FALSE;
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);

      for (guint p = 0; p < row->periods->len; p++)
        {
          Period *period = &g_array_index (row->periods, Period, p);

          g_hash_table_add (seen, (gpointer) period->category);
          if ((period->start != NULL && !iis_date_is_exact (period->start))
              || (period->end != NULL && !iis_date_is_exact (period->end)))
            *any_inexact = TRUE;
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_hash_table_remove (seen, order[i]))
      g_ptr_array_add (categories, (gpointer) order[i]);
  {
    g_autoptr(GList) rest = g_hash_table_get_keys (seen);

    rest = g_list_sort (rest, (GCompareFunc) g_strcmp0);
    for (GList *l = rest; l != NULL; l = l->next)
      g_ptr_array_add (categories, l->data);
  }
}

static void
time_range (GPtrArray          *rows,
            IisEntity          *entity,
            const ChartOptions *options,
            double             *t0,
            double             *t1)
{
  double lo = G_MAXDOUBLE, hi = chart_today_years ();

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);

      for (guint p = 0; p < row->periods->len; p++)
        {
          Period *period = &g_array_index (row->periods, Period, p);
          double s = date_anchor (period->start, FALSE);
          double e = date_anchor (period->end, TRUE);

          if (!isnan (s))
            lo = MIN (lo, s);
          if (!isnan (e))
            hi = MAX (hi, e);
        }
    }
  if (IIS_IS_ORGANIZATION (entity))
    {
      double founded = date_anchor (iis_organization_get_founded (IIS_ORGANIZATION (entity)), FALSE);

      if (!isnan (founded))
        lo = MIN (lo, founded);
    }
  if (lo == G_MAXDOUBLE)
    lo = hi - 10;

  *t0 = options->from != NULL ? chart_date_to_years (options->from) : floor (lo);
  *t1 = options->to != NULL ? chart_date_to_years (options->to) : ceil (hi + 1e-9);
  if (*t1 <= *t0)
    *t1 = *t0 + 1;
}

static void
draw_event_line (ChartCanvas          *canvas,
                 const ChartTimeScale *scale,
                 const IisDate        *date,
                 const char           *text,
                 double                top,
                 double                bottom)
{
  cairo_t *cr = chart_canvas_get_cr (canvas);
  double t = date_years (date, FALSE);
  double x;

  if (date == NULL || t < scale->t0 || t > scale->t1)
    return;
  x = round (chart_time_x (scale, t)) + 0.5;
  cairo_save (cr);
  chart_set_color (cr, &chart_black, 0.7);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
  cairo_move_to (cr, x, top - 2 * chart_text_height (canvas, CHART_FONT_SMALL) - 8);
  cairo_line_to (cr, x, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
  chart_text (canvas, CHART_FONT_SMALL, &chart_black, x + 3,
              top - 2 * chart_text_height (canvas, CHART_FONT_SMALL) - 8, 0, 0, text);
}

ChartCanvas *
chart_timeline_draw (CliContext         *ctx,
                     IisCatalog         *catalog,
                     IisEntity          *entity,
                     const ChartOptions *options,
                     int                *status)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GPtrArray) legend_titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) legend_colors = g_ptr_array_new ();
  g_autoptr(GPtrArray) legend_styles = g_ptr_array_new ();
  g_autoptr(ChartCanvas) canvas = NULL;
  g_autofree char *title = NULL;
  const char *subtitle;
  double width = options->width > 0 ? options->width : 960;
  double margin = 16, label_width = 0, row_height, bar_height, y, plot_top, plot_bottom;
  gboolean any_inexact;
  const char *section = NULL;
  guint n_sections = 0;
  Plot plot;
  cairo_t *cr;

  if (IIS_IS_ORGANIZATION (entity))
    {
      add_relations (catalog, entity, IIS_RELATION_KIND_MEMBER_OF, FALSE, NULL, rows, models);
      subtitle = "Members by role (member-of relations)";
    }
  else if (IIS_IS_AGREEMENT (entity))
    {
      add_relations (catalog, entity, IIS_RELATION_KIND_SIGNATORY_OF, FALSE, NULL, rows, models);
      add_relations (catalog, entity, IIS_RELATION_KIND_PARTY_TO, FALSE, NULL, rows, models);
      subtitle = "Signatories and parties (signatory-of, party-to relations)";
    }
  else
    {
      add_relations (catalog, entity, IIS_RELATION_KIND_MEMBER_OF, TRUE, "Memberships",
                     rows, models);
      add_relations (catalog, entity, IIS_RELATION_KIND_SIGNATORY_OF, TRUE, "Agreements",
                     rows, models);
      add_relations (catalog, entity, IIS_RELATION_KIND_PARTY_TO, TRUE, "Agreements",
                     rows, models);
      subtitle = "Memberships by role, agreements signed and binding";
    }

  if (rows->len == 0)
    {
      cli_error ("“%s” has no dated memberships, signatures or parties to draw",
                 iis_entity_get_id (entity));
      *status = CLI_EXIT_FAILURE;
      return NULL;
    }

  g_ptr_array_sort_with_data (rows, compare_rows, ctx);
  time_range (rows, entity, options, &plot.scale.t0, &plot.scale.t1);
  /* Rows with nothing in the years shown (--from, --to) are left out. */
  for (guint r = rows->len; r-- > 0; )
    {
      Row *row = g_ptr_array_index (rows, r);
      gboolean shown = FALSE;

      for (guint p = 0; p < row->periods->len && !shown; p++)
        shown = period_shown (&g_array_index (row->periods, Period, p), plot.scale.t0,
                              plot.scale.t1);
      if (!shown)
        g_ptr_array_remove_index (rows, r);
    }
  if (rows->len == 0)
    {
      cli_error ("nothing of “%s” falls in the years asked for", iis_entity_get_id (entity));
      *status = CLI_EXIT_FAILURE;
      return NULL;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);

      if (row->section != section)
        n_sections++;
      section = row->section;
    }

  canvas = chart_canvas_new (width, 100);
  cr = chart_canvas_get_cr (canvas);

  title = options->title != NULL
    ? g_strdup (options->title)
    : g_strdup_printf ("%s: timeline", cli_entity_label (ctx, entity));
  y = chart_draw_heading (canvas, margin, width, title, subtitle);

  collect_categories (rows, categories, &any_inexact);
  for (guint i = 0; i < categories->len; i++)
    {
      g_ptr_array_add (legend_titles, (gpointer) chart_role_title (categories->pdata[i]));
      g_ptr_array_add (legend_colors, (gpointer) chart_role_color (categories->pdata[i]));
      g_ptr_array_add (legend_styles, "box");
    }
  if (any_inexact)
    {
      g_ptr_array_add (legend_titles, "uncertain or approximate date");
      g_ptr_array_add (legend_colors, (gpointer) &chart_grey);
      g_ptr_array_add (legend_styles, "hatched");
    }
  g_ptr_array_add (legend_titles, "period ended");
  g_ptr_array_add (legend_colors, (gpointer) &chart_black);
  g_ptr_array_add (legend_styles, "tick");
  for (guint r = 0; r < rows->len; r++)
    if (row_dissolved_at (g_ptr_array_index (rows, r), &plot.scale) != NULL)
      {
        g_ptr_array_add (legend_titles, "◆ organization dissolved");
        g_ptr_array_add (legend_colors, (gpointer) &chart_black);
        g_ptr_array_add (legend_styles, "none");
        break;
      }
  g_ptr_array_add (legend_titles, NULL);
  y += chart_draw_legend (canvas, margin, y, width - margin,
                          (const char * const *) legend_titles->pdata,
                          (const ChartColor **) legend_colors->pdata,
                          (const char * const *) legend_styles->pdata);
  y += 12;

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);

      label_width = MAX (label_width, chart_text_width (canvas, CHART_FONT_NORMAL,
                                                        cli_entity_label (ctx, row->entity)));
    }
  label_width = MIN (label_width + 12, width * 0.35);

  /* Room for the founding / dissolution labels over the top year labels. */
  y += 2 * chart_text_height (canvas, CHART_FONT_SMALL) + 10;
  plot_top = y;
  if (options->height > 0)
    {
      double available = options->height - plot_top - margin
                         - chart_text_height (canvas, CHART_FONT_SMALL) - 10
                         - (n_sections > 1 ? n_sections * 24.0 : 0);

      /* Bars thinner than 4 pixels could not be told apart. */
      if (available < 4.0 * rows->len)
        {
          cli_error ("%u rows need a --height of at least %.0f pixels",
                     rows->len, ceil (options->height - available + 4.0 * rows->len));
          *status = CLI_EXIT_USAGE;
          return NULL;
        }
      row_height = available / rows->len;
    }
  else
    row_height = 22;
  bar_height = MAX (2, round (row_height * 0.64));

  plot.canvas = canvas;
  plot.scale.x0 = margin + label_width;
  plot.scale.x1 = width - margin - 10;
  plot_bottom = plot_top + rows->len * row_height + (n_sections > 1 ? n_sections * 24.0 : 0);

  chart_draw_time_axis (canvas, &plot.scale, plot_top, plot_bottom, plot_bottom - plot_top > 300);

  section = NULL;
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      double bar_y = round (y + (row_height - bar_height) / 2);
      g_autofree char *row_class = NULL;

      if (row->section != section && n_sections > 1)
        {
          chart_text (canvas, CHART_FONT_BOLD, &chart_black, margin, y + 4, 0, 0,
                      row->section);
          y += 24;
          bar_y += 24;
        }
      section = row->section;

      if (r % 2 == 1)
        {
          cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
          cairo_rectangle (cr, margin, y, width - 2 * margin, row_height);
          cairo_fill (cr);
        }
      if (row_height >= 10)
        chart_text (canvas, row_height >= 16 ? CHART_FONT_NORMAL : CHART_FONT_SMALL,
                    &chart_black, margin,
                    y + (row_height - chart_text_height (canvas, row_height >= 16
                                                          ? CHART_FONT_NORMAL
                                                          : CHART_FONT_SMALL)) / 2,
                    0, label_width - 10, cli_entity_label (ctx, row->entity));

      row_class = g_strdup_printf ("row-%s", iis_entity_get_id (row->entity));
      for (guint p = 0; p < row->periods->len; p++)
        draw_period (ctx, &plot, row, &g_array_index (row->periods, Period, p), bar_y,
                     bar_height, row_class);

      /* The other end's own end: a dissolved organization. */
      if (row_dissolved_at (row, &plot.scale) != NULL)
        {
          double x = chart_time_x (&plot.scale,
                                   date_years (row_dissolved_at (row, &plot.scale), FALSE));

          chart_set_color (cr, &chart_black, 1.0);
          cairo_move_to (cr, x, bar_y - 3);
          cairo_line_to (cr, x + 5, bar_y + bar_height / 2);
          cairo_line_to (cr, x, bar_y + bar_height + 3);
          cairo_line_to (cr, x - 5, bar_y + bar_height / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      y += row_height;
    }

  if (IIS_IS_ORGANIZATION (entity))
    {
      IisOrganization *organization = IIS_ORGANIZATION (entity);

      draw_event_line (canvas, &plot.scale, iis_organization_get_founded (organization),
                       "founded", plot_top, plot_bottom);
      draw_event_line (canvas, &plot.scale, iis_organization_get_dissolved (organization),
                       "dissolved", plot_top, plot_bottom);
    }
  else if (IIS_IS_AGREEMENT (entity))
    draw_event_line (canvas, &plot.scale,
                     iis_agreement_get_entry_into_force (IIS_AGREEMENT (entity)),
                     "entry into force", plot_top, plot_bottom);

  chart_canvas_set_size (canvas, width,
                         options->height > 0 ? options->height
                                             : ceil (plot_bottom + chart_text_height (canvas, CHART_FONT_SMALL) + 8 + margin));
  return g_steal_pointer (&canvas);
}
