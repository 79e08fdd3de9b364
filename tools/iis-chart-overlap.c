/* iis-chart-overlap.c: `iis chart overlap`, who is in which of two or three sets
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * A matrix rather than a Venn diagram: with a dozen states in each of
 * three organizations, names do not fit in the lenses of three circles,
 * while a row per state and a column per set stays readable in every
 * script. Rows are grouped by the sets they are in ("in all three", "in
 * SCO and CIS only", "in SCO only"), largest combinations first, and a
 * row's dots are joined, as in an UpSet plot. The three-circle summary
 * above it gives the size of each region.
 *
 * A set is the members of an organization in a role (--role, "member"
 * by default) or the parties bound by an agreement, at --at (today by
 * default), as `iis members` and `iis parties` answer.
 */

#include <math.h>
#include <string.h>

#include "iis-chart.h"

typedef struct
{
  IisEntity *entity;
  guint      in;        /* bit i: in set i */
} Member;

static const ChartColor set_colors[3] = {
  { 0, 114 / 255.0, 178 / 255.0 },          /* blue */
  { 213 / 255.0, 94 / 255.0, 0 },           /* vermillion */
  { 0, 158 / 255.0, 115 / 255.0 },          /* bluish green */
};

static const char *
set_name (CliContext *ctx,
          IisEntity  *set)
{
  /* The acronym keeps the columns narrow, unless the catalog has a label
   * in the language asked for. */
  if (IIS_IS_ORGANIZATION (set)
      && (ctx->lang == NULL || iis_entity_get_label (set, ctx->lang) == NULL))
    {
      const char *acronym = iis_organization_get_acronym (IIS_ORGANIZATION (set));

      if (acronym != NULL && acronym[0] != '\0')
        return acronym;
    }
  return cli_entity_label (ctx, set);
}

typedef struct
{
  CliContext *ctx;
  guint       n_sets;
} SortData;

static int
popcount (guint bits)
{
  int n = 0;

  for (; bits != 0; bits >>= 1)
    n += bits & 1;
  return n;
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Member *x = a, *y = b;
  SortData *sort = data;

  if (popcount (x->in) != popcount (y->in))
    return popcount (y->in) - popcount (x->in);
  if (x->in != y->in)
    {
      /* Among combinations of one size, the first sets first. */
      for (guint i = 0; i < sort->n_sets; i++)
        if ((x->in & (1u << i)) != (y->in & (1u << i)))
          return (x->in & (1u << i)) ? -1 : 1;
    }
  return g_utf8_collate (cli_entity_label (sort->ctx, x->entity),
                         cli_entity_label (sort->ctx, y->entity));
}

static char *
group_title (CliContext *ctx,
             IisEntity **sets,
             guint       n_sets,
             guint       in,
             guint       count)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = (guint) popcount (in), k = 0;

  if (n == n_sets && n_sets > 1)
    return g_strdup_printf (n_sets == 2 ? "In both (%u)" : "In all three (%u)", count);

  for (guint i = 0; i < n_sets; i++)
    if (in & (1u << i))
      {
        if (k > 0)
          g_string_append (names, k + 1 == n ? " and " : ", ");
        g_string_append (names, set_name (ctx, sets[i]));
        k++;
      }
  return g_strdup_printf ("In %s only (%u)", names->str, count);
}

/* Three (or two) circles with the size of each region. */
static void
draw_summary (CliContext   *ctx,
              ChartCanvas  *canvas,
              IisEntity   **sets,
              guint         n_sets,
              const guint  *region_counts,
              double        cx,
              double        cy,
              double        r)
{
  cairo_t *cr = chart_canvas_get_cr (canvas);
  double centers[3][2];
  double d = r * 0.62;

  if (n_sets == 2)
    {
      centers[0][0] = cx - d; centers[0][1] = cy;
      centers[1][0] = cx + d; centers[1][1] = cy;
    }
  else
    {
      centers[0][0] = cx - d; centers[0][1] = cy - d * 0.55;
      centers[1][0] = cx + d; centers[1][1] = cy - d * 0.55;
      centers[2][0] = cx;     centers[2][1] = cy + d * 0.95;
    }

  for (guint i = 0; i < n_sets; i++)
    {
      chart_set_color (cr, &set_colors[i], 0.14);
      cairo_new_path (cr);
      cairo_arc (cr, centers[i][0], centers[i][1], r, 0, 2 * G_PI);
      cairo_fill_preserve (cr);
      chart_set_color (cr, &set_colors[i], 1.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  /* Each region's count at a point inside that region only: towards the
   * sets it is in, away from the others. */
  for (guint in = 1; in < (1u << n_sets); in++)
    {
      g_autofree char *text = g_strdup_printf ("%u", region_counts[in]);
      double x = 0, y = 0, n = 0;
      double th = chart_text_height (canvas, CHART_FONT_BOLD);

      for (guint i = 0; i < n_sets; i++)
        if (in & (1u << i))
          {
            x += centers[i][0];
            y += centers[i][1];
            n++;
          }
      x /= n;
      y /= n;
      if ((guint) n < n_sets)
        {
          double ox = 0, oy = 0, m = 0;

          for (guint i = 0; i < n_sets; i++)
            if (!(in & (1u << i)))
              {
                ox += centers[i][0];
                oy += centers[i][1];
                m++;
              }
          ox /= m;
          oy /= m;
          {
            double dx = x - ox, dy = y - oy, len = sqrt (dx * dx + dy * dy);
            double push = n == 1 ? r * 0.55 : r * 0.2;

            if (len > 0)
              {
                x += dx / len * push;
                y += dy / len * push;
              }
          }
        }
      chart_text (canvas, CHART_FONT_BOLD, &chart_black, x, y - th / 2, 0.5, 0, text);
    }

  for (guint i = 0; i < n_sets; i++)
    {
      double lx = centers[i][0], ly;
      double th = chart_text_height (canvas, CHART_FONT_BOLD);

      if (n_sets == 3 && i == 2)
        ly = centers[i][1] + r + 4;
      else
        ly = centers[i][1] - r - th - 4;
      chart_text (canvas, CHART_FONT_BOLD, &set_colors[i], lx, ly, 0.5, r * 1.5,
                  set_name (ctx, sets[i]));
    }
}

ChartCanvas *
chart_overlap_draw (CliContext          *ctx,
                    IisCatalog          *catalog,
                    IisEntity          **sets,
                    guint                n_sets,
                    const ChartOptions  *options,
                    int                 *status)
{
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_autoptr(ChartCanvas) canvas = NULL;
  g_autoptr(IisDate) at = options->at != NULL ? iis_date_copy (options->at) : chart_today ();
  g_autofree char *at_text = iis_date_to_string (at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *role = options->role != NULL ? options->role : "member";
  guint region_counts[8] = { 0, };
  guint set_sizes[3] = { 0, };
  double margin = 16, label_width = 0, column_width, row_height = 22, group_gap = 30;
  double width, height, y, x0, summary_r = 62, summary_height;
  SortData sort = { ctx, n_sets };
  cairo_t *cr;

  for (guint s = 0; s < n_sets; s++)
    {
      g_autoptr(GListModel) found = IIS_IS_ORGANIZATION (sets[s])
        ? iis_catalog_get_members (catalog, IIS_ORGANIZATION (sets[s]), role, at)
        : iis_catalog_get_parties (catalog, IIS_AGREEMENT (sets[s]), at);

      set_sizes[s] = g_list_model_get_n_items (found);
      for (guint i = 0; i < set_sizes[s]; i++)
        {
          g_autoptr(IisEntity) entity = g_list_model_get_item (found, i);
          gpointer position;

          if (!g_hash_table_lookup_extended (index, entity, NULL, &position))
            {
              Member member = { entity, 0 };

              /* The catalog keeps the entity alive. */
              g_array_append_val (members, member);
              position = GUINT_TO_POINTER (members->len - 1);
              g_hash_table_insert (index, entity, position);
            }
          g_array_index (members, Member, GPOINTER_TO_UINT (position)).in |= 1u << s;
        }
    }

  if (members->len == 0)
    {
      cli_error ("none of the %u has members or parties on %s", n_sets, at_text);
      *status = CLI_EXIT_FAILURE;
      return NULL;
    }

  g_array_sort_with_data (members, compare_members, &sort);
  for (guint i = 0; i < members->len; i++)
    {
      Member *member = &g_array_index (members, Member, i);

      region_counts[member->in]++;
    }

  canvas = chart_canvas_new (100, 100);
  cr = chart_canvas_get_cr (canvas);

  for (guint i = 0; i < members->len; i++)
    label_width = MAX (label_width, chart_text_width (canvas, CHART_FONT_NORMAL,
                                                      cli_entity_label (ctx, g_array_index (members, Member, i).entity)));
  label_width = MIN (label_width + 16, 360);
  column_width = 24;
  for (guint s = 0; s < n_sets; s++)
    column_width = MAX (column_width, chart_text_width (canvas, CHART_FONT_BOLD,
                                                       set_name (ctx, sets[s])) + 20);
  column_width = MIN (column_width, 160);

  {
    GString *names = g_string_new (NULL);

    for (guint s = 0; s < n_sets; s++)
      {
        if (s > 0)
          g_string_append (names, s + 1 == n_sets ? " and " : ", ");
        g_string_append (names, set_name (ctx, sets[s]));
      }
    title = options->title != NULL
      ? g_strdup (options->title)
      : g_strdup_printf ("%s on %s", names->str, at_text);
    g_string_free (names, TRUE);
  }
  subtitle = g_strdup_printf ("Members (role “%s”) of the organizations, parties bound by the agreements",
                              role);

  width = options->width > 0 ? options->width
        : MAX (640, 2 * margin + label_width + n_sets * column_width + 40);
  width = MAX (width, MIN (chart_text_width (canvas, CHART_FONT_TITLE, title) + 2 * margin, 960));

  y = chart_draw_heading (canvas, margin, width, title, subtitle);
  y += 6;

  summary_height = n_sets == 3 ? summary_r * 2 + summary_r * 0.62 * 1.5 : summary_r * 2;
  y += chart_text_height (canvas, CHART_FONT_BOLD) + 6;
  draw_summary (ctx, canvas, sets, n_sets, region_counts, width / 2,
                y + summary_r + (n_sets == 3 ? summary_r * 0.62 * 0.55 : 0), summary_r);
  y += summary_height + (n_sets == 3 ? chart_text_height (canvas, CHART_FONT_BOLD) + 8 : 0) + 16;

  /* The matrix, centred. */
  x0 = round ((width - (label_width + n_sets * column_width)) / 2);
  for (guint s = 0; s < n_sets; s++)
    {
      g_autofree char *count = g_strdup_printf ("%u", set_sizes[s]);
      double cx = x0 + label_width + (s + 0.5) * column_width;

      chart_text (canvas, CHART_FONT_BOLD, &set_colors[s], cx, y, 0.5, column_width - 4,
                  set_name (ctx, sets[s]));
      chart_text (canvas, CHART_FONT_SMALL, &chart_text_grey, cx,
                  y + chart_text_height (canvas, CHART_FONT_BOLD), 0.5, 0, count);
    }
  y += chart_text_height (canvas, CHART_FONT_BOLD) + chart_text_height (canvas, CHART_FONT_SMALL) + 6;

  for (guint i = 0; i < members->len; i++)
    {
      Member *member = &g_array_index (members, Member, i);
      double cy, first_x = -1, last_x = -1;

      if (i == 0 || g_array_index (members, Member, i - 1).in != member->in)
        {
          g_autofree char *heading = group_title (ctx, sets, n_sets, member->in,
                                                  region_counts[member->in]);

          y += i == 0 ? 4 : 10;
          chart_text (canvas, CHART_FONT_BOLD, &chart_text_grey, x0, y, 0,
                      label_width + n_sets * column_width, heading);
          y += group_gap - 10;
          chart_set_color (cr, &chart_light_grey, 1.0);
          cairo_rectangle (cr, x0, y - 4, label_width + n_sets * column_width, 1);
          cairo_fill (cr);
        }

      cy = y + row_height / 2;
      chart_text (canvas, CHART_FONT_NORMAL, &chart_black, x0,
                  cy - chart_text_height (canvas, CHART_FONT_NORMAL) / 2, 0, label_width - 8,
                  cli_entity_label (ctx, member->entity));

      for (guint s = 0; s < n_sets; s++)
        if (member->in & (1u << s))
          {
            double cx = x0 + label_width + (s + 0.5) * column_width;

            if (first_x < 0)
              first_x = cx;
            last_x = cx;
          }
      if (last_x > first_x)
        {
          chart_set_color (cr, &chart_grey, 1.0);
          cairo_set_line_width (cr, 3);
          cairo_move_to (cr, first_x, cy);
          cairo_line_to (cr, last_x, cy);
          cairo_stroke (cr);
        }

      for (guint s = 0; s < n_sets; s++)
        {
          double cx = x0 + label_width + (s + 0.5) * column_width;

          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, 7, 0, 2 * G_PI);
          if (member->in & (1u << s))
            {
              g_autofree char *mark_title = g_strdup_printf ("%s — %s",
                                                             cli_entity_label (ctx, member->entity),
                                                             set_name (ctx, sets[s]));
              g_autofree char *klass = g_strdup_printf ("dot in-%s row-%s",
                                                        iis_entity_get_id (sets[s]),
                                                        iis_entity_get_id (member->entity));

              chart_set_color (cr, &set_colors[s], 1.0);
              cairo_fill (cr);
              chart_canvas_add_mark (canvas, klass, cx - 7, cy - 7, 14, 14, mark_title);
            }
          else
            {
              chart_set_color (cr, &chart_light_grey, 1.0);
              cairo_fill (cr);
            }
        }
      y += row_height;
    }

  height = options->height > 0 ? options->height : ceil (y + margin);
  chart_canvas_set_size (canvas, width, height);
  return g_steal_pointer (&canvas);
}
