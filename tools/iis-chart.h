/* iis-chart.h: what the charts of the `iis` tool share
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "iis-tool.h"

G_BEGIN_DECLS

typedef enum {
  CHART_FORMAT_SVG,
  CHART_FORMAT_PNG,
  CHART_FORMAT_PDF,
} ChartFormat;

/* What the options of `iis chart` say; the drawing functions read it. */
typedef struct
{
  ChartFormat  format;
  char        *title;        /* NULL: a title made from the data */
  int          width;        /* 0: the chart's default */
  int          height;       /* 0: the chart's default (or from the data) */
  IisDate     *from;         /* NULL: from the data */
  IisDate     *to;           /* NULL: from the data and today */
  char        *role;         /* overlap: the role of an organization's members */
  IisDate     *at;           /* overlap: the date */
} ChartOptions;

void         chart_options_clear     (ChartOptions *options);

/* A colour of the Okabe–Ito palette, which stays distinct for the
 * common colour-vision deficiencies. */
typedef struct
{
  double r, g, b;
} ChartColor;

extern const ChartColor chart_black;
extern const ChartColor chart_grey;
extern const ChartColor chart_light_grey;
extern const ChartColor chart_text_grey;

/* The colour of a role or a treaty status ("member", "observer",
 * "signatory", "party" …); the same name always gets the same colour. */
const ChartColor *chart_role_color   (const char *category);
const char       *chart_role_title   (const char *category);

/* A canvas: a cairo recording surface drawn on once, then written to
 * SVG, PNG or PDF at its final size. Each mark (a bar, a step, a dot)
 * is recorded with its box and a description, and the SVG gets a
 * transparent rectangle for each, with the class of the mark and a
 * <title>: a browser shows it as a tooltip, and a test can count the
 * marks and find them in the picture. */
typedef struct _ChartCanvas ChartCanvas;

ChartCanvas *chart_canvas_new        (double             width,
                                      double             height);
void         chart_canvas_free       (ChartCanvas       *canvas);
cairo_t     *chart_canvas_get_cr     (ChartCanvas       *canvas);
void         chart_canvas_set_size   (ChartCanvas       *canvas,
                                      double             width,
                                      double             height);
double       chart_canvas_get_width  (ChartCanvas       *canvas);
double       chart_canvas_get_height (ChartCanvas       *canvas);
void         chart_canvas_add_mark   (ChartCanvas       *canvas,
                                      const char        *klass,
                                      double             x,
                                      double             y,
                                      double             width,
                                      double             height,
                                      const char        *title);
guint        chart_canvas_get_n_marks (ChartCanvas      *canvas);
gboolean     chart_canvas_write      (ChartCanvas       *canvas,
                                      ChartFormat        format,
                                      const char        *path,
                                      GError           **error);
GBytes      *chart_canvas_to_svg     (ChartCanvas       *canvas,
                                      const char        *id_prefix,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChartCanvas, chart_canvas_free)

/* Text, laid out by pango (any script, with the fonts' fallbacks). */
typedef enum {
  CHART_FONT_NORMAL,
  CHART_FONT_SMALL,
  CHART_FONT_BOLD,
  CHART_FONT_TITLE,
} ChartFont;

double       chart_text_width        (ChartCanvas       *canvas,
                                      ChartFont          font,
                                      const char        *text);
double       chart_text_height       (ChartCanvas       *canvas,
                                      ChartFont          font);
/* Draws @text with its top at @y; @align 0 puts its left at @x, 0.5 its
 * middle, 1 its right. Text wider than @max_width (when > 0) is cut
 * with an ellipsis. Returns the width drawn. */
double       chart_text              (ChartCanvas       *canvas,
                                      ChartFont          font,
                                      const ChartColor  *color,
                                      double             x,
                                      double             y,
                                      double             align,
                                      double             max_width,
                                      const char        *text);

/* The title and the line under it, from (@margin, @margin); returns
 * where what follows starts. */
double       chart_draw_heading      (ChartCanvas       *canvas,
                                      double             margin,
                                      double             width,
                                      const char        *title,
                                      const char        *subtitle);

void         chart_set_color         (cairo_t           *cr,
                                      const ChartColor  *color,
                                      double             alpha);

/* Time along an axis, in years with a fraction (2001-07-01 ≈ 2001.5). */
double       chart_date_to_years     (const IisDate     *date);
IisDate     *chart_today             (void);
double       chart_today_years       (void);

typedef struct
{
  double t0, t1;         /* the years shown */
  double x0, x1;         /* where they are drawn */
} ChartTimeScale;

double       chart_time_x            (const ChartTimeScale *scale,
                                      double                t);
/* Vertical grid lines and year labels under (and, with @top_labels,
 * over) the plot, at a step that keeps the labels apart. */
void         chart_draw_time_axis    (ChartCanvas          *canvas,
                                      const ChartTimeScale *scale,
                                      double                top,
                                      double                bottom,
                                      gboolean              top_labels);
/* A legend of coloured swatches, left to right from @x, wrapping at
 * @max_x; returns its height. */
double       chart_draw_legend       (ChartCanvas          *canvas,
                                      double                x,
                                      double                y,
                                      double                max_x,
                                      const char * const   *titles,
                                      const ChartColor    **colors,
                                      const char * const   *styles);
/* A band drawn as uncertain: diagonal hatching in @color. */
void         chart_fill_hatched      (cairo_t              *cr,
                                      const ChartColor     *color,
                                      double                x,
                                      double                y,
                                      double                width,
                                      double                height);

/* The charts: each draws on a new canvas, or returns NULL with a message
 * printed and *status set. */
ChartCanvas *chart_timeline_draw     (CliContext          *ctx,
                                      IisCatalog          *catalog,
                                      IisEntity           *entity,
                                      const ChartOptions  *options,
                                      int                 *status);
ChartCanvas *chart_parties_draw      (CliContext          *ctx,
                                      IisCatalog          *catalog,
                                      IisAgreement        *agreement,
                                      IisAgreement        *compare,
                                      const ChartOptions  *options,
                                      int                 *status);
ChartCanvas *chart_overlap_draw      (CliContext          *ctx,
                                      IisCatalog          *catalog,
                                      IisEntity          **sets,
                                      guint                n_sets,
                                      const ChartOptions  *options,
                                      int                 *status);

G_END_DECLS
