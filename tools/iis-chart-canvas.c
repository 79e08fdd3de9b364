/* iis-chart-canvas.c: drawing, text, axes and output for the charts
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * A chart is drawn once, with cairo, on a recording surface, while its
 * height may still grow with the data; then the recording is played onto
 * an SVG, PNG or PDF surface of the final size, so the three formats come
 * from the same drawing. Text goes through pango, which picks a font that
 * has the script (Cyrillic, Chinese, Arabic) and shapes it.
 *
 * cairo writes SVG shapes without ids or classes, so the canvas also
 * keeps each mark it was told about (a bar, a step, a dot: what the data
 * asked to draw) and adds to the SVG one transparent rectangle per mark,
 * with a class and a <title>. Browsers show the title as a tooltip over
 * the bar; tests count the marks and look for them in the picture.
 */

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "iis-chart.h"

const ChartColor chart_black = { 0.0, 0.0, 0.0 };
const ChartColor chart_grey = { 0.45, 0.45, 0.45 };
const ChartColor chart_light_grey = { 0.88, 0.88, 0.88 };
const ChartColor chart_text_grey = { 0.25, 0.25, 0.25 };

/* Okabe & Ito, "Color Universal Design" (2008). */
#define OI(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0 }

static const struct
{
  const char *category;
  const char *title;
  ChartColor  color;
} role_colors[] = {
  { "member",           "member",           OI (0, 114, 178) },    /* blue */
  { "observer",         "observer",         OI (86, 180, 233) },   /* sky blue */
  { "dialogue-partner", "dialogue partner", OI (230, 159, 0) },    /* orange */
  { "partner",          "partner",          OI (240, 228, 66) },   /* yellow */
  { "associate",        "associate",        OI (0, 158, 115) },    /* bluish green */
  { "signatory",        "signed",           OI (204, 121, 167) },  /* reddish purple */
  { "party",            "party",            OI (213, 94, 0) },     /* vermillion */
};
static const ChartColor other_color = OI (153, 153, 153);

const ChartColor *
chart_role_color (const char *category)
{
  for (gsize i = 0; i < G_N_ELEMENTS (role_colors); i++)
    if (g_strcmp0 (category, role_colors[i].category) == 0)
      return &role_colors[i].color;
  return &other_color;
}

const char *
chart_role_title (const char *category)
{
  for (gsize i = 0; i < G_N_ELEMENTS (role_colors); i++)
    if (g_strcmp0 (category, role_colors[i].category) == 0)
      return role_colors[i].title;
  return category != NULL ? category : "other";
}

void
chart_options_clear (ChartOptions *options)
{
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->role, g_free);
  g_clear_pointer (&options->from, iis_date_free);
  g_clear_pointer (&options->to, iis_date_free);
  g_clear_pointer (&options->at, iis_date_free);
}

/* ------------------------------------------------------------------ */

typedef struct
{
  char   *klass;
  double  x, y, width, height;
  char   *title;
} Mark;

struct _ChartCanvas
{
  cairo_surface_t *recording;
  cairo_t         *cr;
  double           width;
  double           height;
  GArray          *marks;
  PangoFontDescription *fonts[CHART_FONT_TITLE + 1];
};

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->klass);
  g_free (mark->title);
}

ChartCanvas *
chart_canvas_new (double width,
                  double height)
{
  ChartCanvas *canvas = g_new0 (ChartCanvas, 1);
  static const struct { const char *family; double size; PangoWeight weight; } fonts[] = {
    [CHART_FONT_NORMAL] = { "Sans", 13, PANGO_WEIGHT_NORMAL },
    [CHART_FONT_SMALL] = { "Sans", 11, PANGO_WEIGHT_NORMAL },
    [CHART_FONT_BOLD] = { "Sans", 13, PANGO_WEIGHT_BOLD },
    [CHART_FONT_TITLE] = { "Sans", 18, PANGO_WEIGHT_BOLD },
  };

  canvas->recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  canvas->cr = cairo_create (canvas->recording);
  canvas->width = width;
  canvas->height = height;
  canvas->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
  g_array_set_clear_func (canvas->marks, mark_clear);

  for (gsize i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      canvas->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family (canvas->fonts[i], fonts[i].family);
      pango_font_description_set_absolute_size (canvas->fonts[i], fonts[i].size * PANGO_SCALE);
      pango_font_description_set_weight (canvas->fonts[i], fonts[i].weight);
    }

  return canvas;
}

void
chart_canvas_free (ChartCanvas *canvas)
{
  if (canvas == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (canvas->fonts); i++)
    pango_font_description_free (canvas->fonts[i]);
  cairo_destroy (canvas->cr);
  cairo_surface_destroy (canvas->recording);
  g_array_unref (canvas->marks);
  g_free (canvas);
}

cairo_t *
chart_canvas_get_cr (ChartCanvas *canvas)
{
  return canvas->cr;
}

void
chart_canvas_set_size (ChartCanvas *canvas,
                       double       width,
                       double       height)
{
  canvas->width = width;
  canvas->height = height;
}

double
chart_canvas_get_width (ChartCanvas *canvas)
{
  return canvas->width;
}

double
chart_canvas_get_height (ChartCanvas *canvas)
{
  return canvas->height;
}

void
chart_canvas_add_mark (ChartCanvas *canvas,
                       const char  *klass,
                       double       x,
                       double       y,
                       double       width,
                       double       height,
                       const char  *title)
{
  Mark mark = { g_strdup (klass), x, y, width, height, g_strdup (title) };

  g_array_append_val (canvas->marks, mark);
}

guint
chart_canvas_get_n_marks (ChartCanvas *canvas)
{
  return canvas->marks->len;
}

/* ------------------------------------------------------------------ */
/* Text */

static PangoLayout *
layout_new (ChartCanvas *canvas,
            ChartFont    font,
            const char  *text)
{
  PangoLayout *layout = pango_cairo_create_layout (canvas->cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the same widths in SVG, PNG and PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_context_set_base_dir (pango_layout_get_context (layout), PANGO_DIRECTION_LTR);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  /* The charts' own words are English, so paragraphs run left to right;
   * an Arabic name keeps its order inside its run ("كازاخستان: timeline"
   * does not turn round). */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_font_description (layout, canvas->fonts[font]);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
chart_text_width (ChartCanvas *canvas,
                  ChartFont    font,
                  const char  *text)
{
  g_autoptr(PangoLayout) layout = layout_new (canvas, font, text);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

double
chart_text_height (ChartCanvas *canvas,
                   ChartFont    font)
{
  g_autoptr(PangoLayout) layout = layout_new (canvas, font, "Ag");
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.height;
}

double
chart_text (ChartCanvas      *canvas,
            ChartFont         font,
            const ChartColor *color,
            double            x,
            double            y,
            double            align,
            double            max_width,
            const char       *text)
{
  g_autoptr(PangoLayout) layout = layout_new (canvas, font, text);
  PangoRectangle logical;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  cairo_save (canvas->cr);
  chart_set_color (canvas->cr, color, 1.0);
  cairo_move_to (canvas->cr, x - align * logical.width - logical.x, y);
  pango_cairo_show_layout (canvas->cr, layout);
  cairo_restore (canvas->cr);

  return logical.width;
}

double
chart_draw_heading (ChartCanvas *canvas,
                    double       margin,
                    double       width,
                    const char  *title,
                    const char  *subtitle)
{
  double y = margin;

  chart_text (canvas, CHART_FONT_TITLE, &chart_black, margin, y, 0, width - 2 * margin, title);
  y += chart_text_height (canvas, CHART_FONT_TITLE) + 2;
  chart_text (canvas, CHART_FONT_SMALL, &chart_text_grey, margin, y, 0, width - 2 * margin,
              subtitle);
  return y + chart_text_height (canvas, CHART_FONT_SMALL) + 8;
}

void
chart_set_color (cairo_t          *cr,
                 const ChartColor *color,
                 double            alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

/* ------------------------------------------------------------------ */
/* Time */

double
chart_date_to_years (const IisDate *date)
{
  guint year = iis_date_get_year (date);
  guint month = iis_date_get_month (date);
  guint day = iis_date_get_day (date);
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) that = NULL;
  guint days_in_year;

  if (month == 0)
    return year;
  if (day == 0)
    day = 1;

  first = g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear) year);
  that = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  days_in_year = g_date_is_leap_year ((GDateYear) year) ? 366 : 365;
  return year + (double) g_date_days_between (first, that) / days_in_year;
}

/* Today, or the time SOURCE_DATE_EPOCH names, so that a chart made for
 * the documentation comes out the same when it is made again. */
IisDate *
chart_today (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;

  if (epoch != NULL && epoch[0] != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_utc ();
  return iis_date_new ((guint) g_date_time_get_year (now),
                       (guint) g_date_time_get_month (now),
                       (guint) g_date_time_get_day_of_month (now));
}

double
chart_today_years (void)
{
  g_autoptr(IisDate) today = chart_today ();

  return chart_date_to_years (today);
}

double
chart_time_x (const ChartTimeScale *scale,
              double                t)
{
  if (scale->t1 <= scale->t0)
    return scale->x0;
  return scale->x0 + (t - scale->t0) / (scale->t1 - scale->t0) * (scale->x1 - scale->x0);
}

void
chart_draw_time_axis (ChartCanvas          *canvas,
                      const ChartTimeScale *scale,
                      double                top,
                      double                bottom,
                      gboolean              top_labels)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000 };
  cairo_t *cr = canvas->cr;
  double per_year = (scale->x1 - scale->x0) / MAX (scale->t1 - scale->t0, 1e-9);
  double label_width = chart_text_width (canvas, CHART_FONT_SMALL, "2000") + 14;
  double label_height = chart_text_height (canvas, CHART_FONT_SMALL);
  int step = steps[G_N_ELEMENTS (steps) - 1];

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * per_year >= label_width)
      {
        step = steps[i];
        break;
      }

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  for (int year = (int) ceil (scale->t0 / step) * step; year <= scale->t1 + 1e-9; year += step)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      double x = round (chart_time_x (scale, year)) + 0.5;

      chart_set_color (cr, &chart_light_grey, 1.0);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      chart_set_color (cr, &chart_grey, 1.0);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + 4);
      cairo_stroke (cr);
      chart_text (canvas, CHART_FONT_SMALL, &chart_text_grey, x, bottom + 6, 0.5, 0, text);
      if (top_labels)
        chart_text (canvas, CHART_FONT_SMALL, &chart_text_grey, x, top - label_height - 4,
                    0.5, 0, text);
    }
  chart_set_color (cr, &chart_grey, 1.0);
  cairo_move_to (cr, scale->x0, round (bottom) + 0.5);
  cairo_line_to (cr, scale->x1, round (bottom) + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
chart_fill_hatched (cairo_t          *cr,
                    const ChartColor *color,
                    double            x,
                    double            y,
                    double            width,
                    double            height)
{
  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  chart_set_color (cr, color, 0.25);
  cairo_paint (cr);
  chart_set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 1.5);
  for (double d = -height; d < width; d += 5)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

double
chart_draw_legend (ChartCanvas         *canvas,
                   double               x,
                   double               y,
                   double               max_x,
                   const char * const  *titles,
                   const ChartColor   **colors,
                   const char * const  *styles)
{
  cairo_t *cr = canvas->cr;
  double line_height = chart_text_height (canvas, CHART_FONT_SMALL) + 6;
  double left = x;
  double top = y;
  double swatch = 22;

  for (guint i = 0; titles[i] != NULL; i++)
    {
      const char *style = styles != NULL && styles[i] != NULL ? styles[i] : "box";
      double room = strcmp (style, "none") == 0 ? 0 : swatch + 6;
      /* A long title (an agreement's full name) takes half a line at most. */
      double text_width = MIN (chart_text_width (canvas, CHART_FONT_SMALL, titles[i]),
                               (max_x - left) / 2 - room - 18);
      double width = room + text_width + 18;

      if (x + width > max_x && x > left)
        {
          x = left;
          y += line_height;
        }

      cairo_save (cr);
      if (strcmp (style, "none") == 0)
        ;
      else if (strcmp (style, "hatched") == 0)
        {
          chart_fill_hatched (cr, colors[i], x, y + 3, swatch, line_height - 12);
        }
      else if (strcmp (style, "line") == 0 || strcmp (style, "dashed") == 0)
        {
          chart_set_color (cr, colors[i], 1.0);
          cairo_set_line_width (cr, 2.5);
          if (strcmp (style, "dashed") == 0)
            cairo_set_dash (cr, (double[]) { 6, 3 }, 2, 0);
          cairo_move_to (cr, x, y + (line_height - 6) / 2);
          cairo_line_to (cr, x + swatch, y + (line_height - 6) / 2);
          cairo_stroke (cr);
        }
      else if (strcmp (style, "tick") == 0)
        {
          chart_set_color (cr, colors[i], 1.0);
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, x + swatch / 2, y + 1);
          cairo_line_to (cr, x + swatch / 2, y + line_height - 7);
          cairo_stroke (cr);
        }
      else
        {
          chart_set_color (cr, colors[i], 1.0);
          cairo_rectangle (cr, x, y + 3, swatch, line_height - 12);
          cairo_fill (cr);
        }
      cairo_restore (cr);
      chart_text (canvas, CHART_FONT_SMALL, &chart_text_grey, x + room, y, 0, text_width + 1,
                  titles[i]);
      x += width;
    }

  return y + line_height - top;
}

/* ------------------------------------------------------------------ */
/* Output */

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
play (ChartCanvas     *canvas,
      cairo_surface_t *target)
{
  cairo_t *cr = cairo_create (target);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, canvas->recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static gboolean
check_surface (cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not draw the chart: %s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Ids of the drawing made unique with @prefix, so that several charts
 * can stand in one HTML page: cairo names its glyphs and clips alike in
 * every file. */
static char *
prefix_ids (const char *svg,
            const char *prefix)
{
  g_autofree char *with_prefix = NULL;
  GString *out = g_string_sized_new (strlen (svg) + 1024);
  static const char *patterns[] = { "id=\"", "href=\"#", "url(#" };

  for (const char *p = svg; *p != '\0'; )
    {
      gboolean matched = FALSE;

      for (gsize i = 0; i < G_N_ELEMENTS (patterns); i++)
        {
          gsize n = strlen (patterns[i]);

          if (strncmp (p, patterns[i], n) == 0)
            {
              g_string_append_len (out, p, (gssize) n);
              g_string_append (out, prefix);
              p += n;
              matched = TRUE;
              break;
            }
        }
      if (!matched)
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static void
append_marks (ChartCanvas *canvas,
              GString     *svg)
{
  g_string_append (svg, "<g class=\"marks\" fill=\"#000\" fill-opacity=\"0\">\n");
  for (guint i = 0; i < canvas->marks->len; i++)
    {
      Mark *mark = &g_array_index (canvas->marks, Mark, i);
      g_autofree char *title = g_markup_escape_text (mark->title != NULL ? mark->title : "", -1);
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (svg,
                              "<rect class=\"mark %s\" x=\"%s\" y=\"%s\" width=\"%s\" "
                              "height=\"%s\"><title>%s</title></rect>\n",
                              mark->klass,
                              g_ascii_formatd (x, sizeof x, "%.2f", mark->x),
                              g_ascii_formatd (y, sizeof y, "%.2f", mark->y),
                              g_ascii_formatd (w, sizeof w, "%.2f", MAX (mark->width, 1)),
                              g_ascii_formatd (h, sizeof h, "%.2f", MAX (mark->height, 1)),
                              title);
    }
  g_string_append (svg, "</g>\n");
}

/* The chart as an SVG document; with @id_prefix, without the XML
 * declaration and with its ids prefixed, to stand inside HTML. */
GBytes *
chart_canvas_to_svg (ChartCanvas  *canvas,
                     const char   *id_prefix,
                     GError      **error)
{
  GString *svg = g_string_new (NULL);
  cairo_surface_t *surface;
  const char *end;
  gsize at;

  surface = cairo_svg_surface_create_for_stream (append_to_string, svg,
                                                 canvas->width, canvas->height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  play (canvas, surface);
  cairo_surface_finish (surface);
  if (!check_surface (surface, error))
    {
      cairo_surface_destroy (surface);
      g_string_free (svg, TRUE);
      return NULL;
    }
  cairo_surface_destroy (surface);

  end = g_strrstr (svg->str, "</svg>");
  if (end == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cairo wrote no SVG document");
      g_string_free (svg, TRUE);
      return NULL;
    }
  at = (gsize) (end - svg->str);
  {
    g_autoptr(GString) marks = g_string_new (NULL);

    append_marks (canvas, marks);
    g_string_insert (svg, (gssize) at, marks->str);
  }

  if (id_prefix != NULL)
    {
      const char *start = strstr (svg->str, "<svg");
      g_autofree char *prefixed = prefix_ids (start != NULL ? start : svg->str, id_prefix);

      g_string_free (svg, TRUE);
      return g_bytes_new_take (g_steal_pointer (&prefixed), strlen (prefixed));
    }

  return g_string_free_to_bytes (svg);
}

static gboolean
write_all (const char  *path,
           GString     *data,
           GError     **error)
{
  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data->str, 1, data->len, stdout) != data->len || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "Could not write the chart: %s", g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  return g_file_set_contents (path, data->str, (gssize) data->len, error);
}

gboolean
chart_canvas_write (ChartCanvas  *canvas,
                    ChartFormat   format,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GString) data = g_string_new (NULL);
  cairo_surface_t *surface = NULL;
  gboolean ok;

  switch (format)
    {
    case CHART_FORMAT_SVG:
      {
        g_autoptr(GBytes) svg = chart_canvas_to_svg (canvas, NULL, error);
        gsize len;
        const char *text;

        if (svg == NULL)
          return FALSE;
        text = g_bytes_get_data (svg, &len);
        g_string_append_len (data, text, (gssize) len);
      }
      break;

    case CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (canvas->width),
                                            (int) ceil (canvas->height));
      play (canvas, surface);
      if (check_surface (surface, error))
        {
          cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_to_string,
                                                                     data);
          if (status != CAIRO_STATUS_SUCCESS)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         "Could not write the PNG: %s", cairo_status_to_string (status));
          ok = status == CAIRO_STATUS_SUCCESS;
        }
      else
        ok = FALSE;
      cairo_surface_destroy (surface);
      if (!ok)
        return FALSE;
      break;

    case CHART_FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (append_to_string, data,
                                                     canvas->width, canvas->height);
      play (canvas, surface);
      cairo_surface_finish (surface);
      ok = check_surface (surface, error);
      cairo_surface_destroy (surface);
      if (!ok)
        return FALSE;
      break;
    }

  return write_all (path, data, error);
}
