/* iis-chart-parties.c: `iis chart parties`, signatories and parties over time
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Two step curves per agreement: the signatories (signatory-of relations
 * holding) and the parties bound (party-to relations holding), from the
 * relations' starts and ends. Each date at which a curve changes (each
 * distinct date of the relations, as written) is one step, with a dot:
 * filled for an exact date, hollow for an uncertain, approximate or "on
 * or before" one, which is drawn at the date as written. Relations without a start count from the left edge; the
 * entry into force is a dashed line.
 */

#include <math.h>
#include <string.h>

#include "iis-chart.h"

typedef struct
{
  double   t;
  gboolean inexact;
  char    *date;
} Event;

typedef struct
{
  const char       *what;      /* "parties", "signatories" */
  const ChartColor *color;
  gboolean          dashed;
  GArray           *spans;     /* of Span: when each relation holds */
  GArray           *events;    /* of Event, sorted */
  IisAgreement     *agreement;
} Curve;

typedef struct
{
  IisEntity *subject;          /* borrowed from the catalog */
  double     start, end;       /* -INFINITY, INFINITY: unknown */
} Span;

/* How many states the curve counts at @t: a state bound by two relations
 * at once (two sources for one ratification) counts once. */
static int
count_at (const Curve *curve,
          double       t)
{
  g_autoptr(GHashTable) holding = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < curve->spans->len; i++)
    {
      Span *span = &g_array_index (curve->spans, Span, i);

      if (span->start <= t && span->end > t)
        g_hash_table_add (holding, span->subject);
    }
  return (int) g_hash_table_size (holding);
}

static void
event_clear (gpointer data)
{
  g_free (((Event *) data)->date);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->t != y->t)
    return x->t < y->t ? -1 : 1;
  return strcmp (x->date, y->date);
}

/* A date as a point on the axis: its digits as written, or NAN for a
 * date with no year at all ("XXXX"). */
static double
date_point (const IisDate *date)
{
  if (date == NULL || iis_date_get_year (date) == 0)
    return NAN;
  if (iis_date_get_qualifiers (date) & IIS_DATE_QUALIFIERS_UNSPECIFIED)
    {
      g_autoptr(IisDate) earliest = iis_date_dup_earliest (date);
      g_autoptr(IisDate) latest = iis_date_dup_latest (date);

      if (iis_date_get_year (latest) - iis_date_get_year (earliest) > 20)
        return NAN;
      return (chart_date_to_years (earliest) + chart_date_to_years (latest)) / 2;
    }
  return chart_date_to_years (date);
}

static void
add_event (Curve         *curve,
           const IisDate *date)
{
  Event event = { date_point (date), !iis_date_is_exact (date),
                  iis_date_to_string (date) };

  if (isnan (event.t))
    {
      g_free (event.date);
      return;
    }
  g_array_append_val (curve->events, event);
}

static void
curve_init (Curve            *curve,
            IisCatalog       *catalog,
            IisAgreement     *agreement,
            IisRelationKind   kind,
            const char       *what,
            const ChartColor *color,
            gboolean          dashed)
{
  g_autoptr(GListModel) relations = iis_catalog_list_relations (catalog, NULL, kind,
                                                                IIS_ENTITY (agreement));

  curve->what = what;
  curve->color = color;
  curve->dashed = dashed;
  curve->agreement = agreement;
  curve->spans = g_array_new (FALSE, TRUE, sizeof (Span));
  curve->events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_array_set_clear_func (curve->events, event_clear);

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(IisRelation) relation = g_list_model_get_item (relations, i);
      const IisDate *start = iis_relation_get_start (relation);
      const IisDate *end = iis_relation_get_end (relation);
      Span span = { iis_relation_get_subject (relation), -INFINITY, INFINITY };

      if (start != NULL && !isnan (date_point (start)))
        {
          span.start = date_point (start);
          add_event (curve, start);
        }
      if (end != NULL && !isnan (date_point (end)))
        {
          span.end = date_point (end);
          add_event (curve, end);
        }
      g_array_append_val (curve->spans, span);
    }
  g_array_sort (curve->events, compare_events);
}

static void
curve_clear (Curve *curve)
{
  g_clear_pointer (&curve->events, g_array_unref);
  g_clear_pointer (&curve->spans, g_array_unref);
}

static int
curve_max (const Curve *curve)
{
  int max = count_at (curve, -INFINITY);

  for (guint i = 0; i < curve->events->len; i++)
    max = MAX (max, count_at (curve, g_array_index (curve->events, Event, i).t));
  return max;
}

typedef struct
{
  ChartCanvas    *canvas;
  ChartTimeScale  scale;
  double          y0, y1;      /* the plot's bottom (count 0) and top */
  int             max;
} Plot;

static double
count_y (const Plot *plot,
         double      count)
{
  return plot->y0 - count / MAX (plot->max, 1) * (plot->y0 - plot->y1);
}

static void
draw_curve (CliContext *ctx,
            Plot       *plot,
            Curve      *curve)
{
  cairo_t *cr = chart_canvas_get_cr (plot->canvas);
  double t0 = plot->scale.t0, t1 = plot->scale.t1;
  int count;
  double x = plot->scale.x0;
  g_autofree char *end_label = NULL;
  g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (double) * 3);

  /* Changes before the first year shown set the level the curve starts at. */
  guint i = 0;

  for (; i < curve->events->len && g_array_index (curve->events, Event, i).t < t0; i++)
    ;
  count = count_at (curve, i > 0 ? g_array_index (curve->events, Event, i - 1).t : -INFINITY);

  cairo_save (cr);
  chart_set_color (cr, curve->color, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  if (curve->dashed)
    cairo_set_dash (cr, (double[]) { 7, 4 }, 2, 0);
  cairo_move_to (cr, x, count_y (plot, count));

  while (i < curve->events->len)
    {
      Event *first = &g_array_index (curve->events, Event, i);
      int before = count, delta;
      gboolean inexact = FALSE;
      double step_x, y_before, y_after;
      g_autofree char *title = NULL;
      g_autofree char *klass = NULL;

      if (first->t > t1)
        break;

      /* One step per date as the catalog writes it: all the changes of
       * that date at once. */
      for (; i < curve->events->len
             && strcmp (g_array_index (curve->events, Event, i).date, first->date) == 0; i++)
        inexact |= g_array_index (curve->events, Event, i).inexact;
      count = count_at (curve, first->t);
      delta = count - before;

      step_x = chart_time_x (&plot->scale, first->t);
      y_before = count_y (plot, before);
      y_after = count_y (plot, count);
      cairo_line_to (cr, step_x, y_before);
      cairo_line_to (cr, step_x, y_after);
      x = step_x;

      {
        double dot[3] = { step_x, y_after, inexact };

        g_array_append_vals (dots, dot, 1);
      }
      title = g_strdup_printf ("%s: %d %s (%+d), %s", first->date, count, curve->what, delta,
                               cli_entity_label (ctx, IIS_ENTITY (curve->agreement)));
      klass = g_strdup_printf ("step %s%s", curve->what, inexact ? " inexact" : "");
      chart_canvas_add_mark (plot->canvas, klass, step_x - 4, MIN (y_before, y_after) - 4,
                             8, fabs (y_after - y_before) + 8, title);
    }
  cairo_line_to (cr, plot->scale.x1, count_y (plot, count));
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint d = 0; d < dots->len; d++)
    {
      double *dot = &g_array_index (dots, double, d * 3);

      cairo_new_sub_path (cr);
      cairo_arc (cr, dot[0], dot[1], 3.5, 0, 2 * G_PI);
      if (dot[2] != 0)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          chart_set_color (cr, curve->color, 1.0);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        {
          chart_set_color (cr, curve->color, 1.0);
          cairo_fill (cr);
        }
    }

  end_label = g_strdup_printf ("%d", count);
  chart_text (plot->canvas, CHART_FONT_BOLD, curve->color, plot->scale.x1 + 6,
              count_y (plot, count) - chart_text_height (plot->canvas, CHART_FONT_BOLD) / 2,
              0, 0, end_label);
}

static void
draw_entry_into_force (Plot         *plot,
                       IisAgreement *agreement,
                       const ChartColor *color,
                       int           index)
{
  const IisDate *date = iis_agreement_get_entry_into_force (agreement);
  cairo_t *cr = chart_canvas_get_cr (plot->canvas);
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  double t = date_point (date);
  double x, label_height = chart_text_height (plot->canvas, CHART_FONT_SMALL);

  if (date == NULL || isnan (t) || t < plot->scale.t0 || t > plot->scale.t1)
    return;
  x = round (chart_time_x (&plot->scale, t)) + 0.5;
  cairo_save (cr);
  chart_set_color (cr, color, 0.8);
  cairo_set_line_width (cr, 1.2);
  cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
  cairo_move_to (cr, x, plot->y1 - 4);
  cairo_line_to (cr, x, plot->y0);
  cairo_stroke (cr);
  cairo_restore (cr);
  when = iis_date_to_string (date);
  text = g_strdup_printf ("entry into force %s", when);
  chart_text (plot->canvas, CHART_FONT_SMALL, color, x + 4,
              plot->y1 + index * (label_height + 2), 0, 0, text);
}

static void
draw_count_axis (Plot *plot)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 };
  cairo_t *cr = chart_canvas_get_cr (plot->canvas);
  double height = plot->y0 - plot->y1;
  double label_height = chart_text_height (plot->canvas, CHART_FONT_SMALL);
  int step = 1000;

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * height / MAX (plot->max, 1) >= label_height * 2.2)
      {
        step = steps[i];
        break;
      }

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (int n = 0; n <= plot->max; n += step)
    {
      g_autofree char *text = g_strdup_printf ("%d", n);
      double y = round (count_y (plot, n)) + 0.5;

      chart_set_color (cr, &chart_light_grey, 1.0);
      cairo_move_to (cr, plot->scale.x0, y);
      cairo_line_to (cr, plot->scale.x1, y);
      cairo_stroke (cr);
      chart_text (plot->canvas, CHART_FONT_SMALL, &chart_text_grey, plot->scale.x0 - 6,
                  y - label_height / 2, 1, 0, text);
    }
  cairo_restore (cr);
}

ChartCanvas *
chart_parties_draw (CliContext         *ctx,
                    IisCatalog         *catalog,
                    IisAgreement       *agreement,
                    IisAgreement       *compare,
                    const ChartOptions *options,
                    int                *status)
{
  /* Vermillion for the first agreement, blue for the second. */
  static const ChartColor colors[2] = {
    { 213 / 255.0, 94 / 255.0, 0 },
    { 0, 114 / 255.0, 178 / 255.0 },
  };
  IisAgreement *agreements[2] = { agreement, compare };
  guint n_agreements = compare != NULL ? 2 : 1;
  Curve curves[4];
  guint n_curves = 0;
  g_autoptr(ChartCanvas) canvas = NULL;
  g_autofree char *title = NULL;
  const char *legend_titles[6] = { NULL, };
  const ChartColor *legend_colors[6] = { NULL, };
  const char *legend_styles[6] = { NULL, };
  char *legend_text[4] = { NULL, };
  double width = options->width > 0 ? options->width : 960;
  double height = options->height > 0 ? options->height : 540;
  double margin = 16, y, lo = G_MAXDOUBLE, hi = chart_today_years ();
  guint n_legend = 0;
  gboolean any_inexact = FALSE, any_event = FALSE;
  Plot plot;

  for (guint a = 0; a < n_agreements; a++)
    {
      curve_init (&curves[n_curves++], catalog, agreements[a], IIS_RELATION_KIND_PARTY_TO,
                  "parties", &colors[a], FALSE);
      curve_init (&curves[n_curves++], catalog, agreements[a], IIS_RELATION_KIND_SIGNATORY_OF,
                  "signatories", &colors[a], TRUE);
    }

  plot.max = 1;
  for (guint c = 0; c < n_curves; c++)
    {
      Curve *curve = &curves[c];

      plot.max = MAX (plot.max, curve_max (curve));
      for (guint i = 0; i < curve->events->len; i++)
        {
          Event *event = &g_array_index (curve->events, Event, i);

          lo = MIN (lo, event->t);
          hi = MAX (hi, event->t);
          any_inexact |= event->inexact;
          any_event = TRUE;
        }
    }
  for (guint a = 0; a < n_agreements; a++)
    {
      double adopted = date_point (iis_agreement_get_adopted (agreements[a]));

      if (!isnan (adopted))
        lo = MIN (lo, adopted);
    }

  if (!any_event)
    {
      cli_error ("“%s” has no dated signatures or parties to draw",
                 iis_entity_get_id (IIS_ENTITY (agreement)));
      *status = CLI_EXIT_FAILURE;
      for (guint c = 0; c < n_curves; c++)
        curve_clear (&curves[c]);
      return NULL;
    }

  canvas = chart_canvas_new (width, height);
  title = options->title != NULL
    ? g_strdup (options->title)
    : compare != NULL
    ? g_strdup_printf ("%s and %s: signatories and parties",
                       cli_entity_label (ctx, IIS_ENTITY (agreement)),
                       cli_entity_label (ctx, IIS_ENTITY (compare)))
    : g_strdup_printf ("%s: signatories and parties", cli_entity_label (ctx, IIS_ENTITY (agreement)));

  y = chart_draw_heading (canvas, margin, width, title, "Number of states bound (party-to) and of signatories (signatory-of) over time");

  for (guint c = 0; c < n_curves; c++)
    {
      legend_text[c] = n_agreements > 1
        ? g_strdup_printf ("%s: %s", cli_entity_label (ctx, IIS_ENTITY (curves[c].agreement)),
                           curves[c].what)
        : g_strdup (curves[c].what);
      legend_titles[n_legend] = legend_text[c];
      legend_colors[n_legend] = curves[c].color;
      legend_styles[n_legend++] = curves[c].dashed ? "dashed" : "line";
    }
  if (any_inexact)
    {
      legend_titles[n_legend] = "○ step at an uncertain, approximate or “on or before” date";
      legend_colors[n_legend] = &chart_grey;
      legend_styles[n_legend++] = "none";
    }
  y += chart_draw_legend (canvas, margin, y, width - margin, legend_titles, legend_colors,
                          legend_styles);
  y += 10;

  plot.canvas = canvas;
  plot.scale.t0 = options->from != NULL ? chart_date_to_years (options->from) : floor (lo);
  plot.scale.t1 = options->to != NULL ? chart_date_to_years (options->to) : ceil (hi + 1e-9);
  if (plot.scale.t1 <= plot.scale.t0)
    plot.scale.t1 = plot.scale.t0 + 1;
  plot.scale.x0 = margin + chart_text_width (canvas, CHART_FONT_SMALL, "0000") + 10;
  plot.scale.x1 = width - margin - chart_text_width (canvas, CHART_FONT_BOLD, "0000") - 6;
  plot.y1 = y + 6;
  plot.y0 = height - margin - chart_text_height (canvas, CHART_FONT_SMALL) - 8;
  plot.max = (int) ceil (plot.max * 1.08);

  if (plot.y0 - plot.y1 < 40)
    {
      cli_error ("the chart is too small for its legend: give a larger --height");
      *status = CLI_EXIT_USAGE;
      for (guint c = 0; c < n_curves; c++)
        {
          curve_clear (&curves[c]);
          g_free (legend_text[c]);
        }
      return NULL;
    }

  draw_count_axis (&plot);
  chart_draw_time_axis (canvas, &plot.scale, plot.y1, plot.y0, FALSE);
  for (guint a = 0; a < n_agreements; a++)
    draw_entry_into_force (&plot, agreements[a], &colors[a], (int) a);
  for (guint c = 0; c < n_curves; c++)
    draw_curve (ctx, &plot, &curves[c]);

  for (guint c = 0; c < n_curves; c++)
    {
      curve_clear (&curves[c]);
      g_free (legend_text[c]);
    }
  return g_steal_pointer (&canvas);
}
