/* gen-catalog.c: a seeded, realistic catalog of any size, for the benchmark
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/*
 * Usage: gen-catalog --relations N [--seed S] [--actions] --output FILE
 *
 * Writes a document of the libiis file format (docs/file-format.md) with
 * exactly N relations, shaped like the world the library models rather
 * than like uniform noise (tests/bench/gen-catalog.py is the uniform
 * one, which exercises every member of the format):
 *
 * - 200 states (ids like ISO codes, "AA" … "HR");
 * - N / 250 organizations (at least 20; 4,000 at a million), founded
 *   1945–2015, 6 % dissolved, with their bodies (secretariats, councils,
 *   expert groups, some with sub-bodies) `part-of` them;
 * - N / 40 agreements (at least 50; 25,000 at a million) with adoption
 *   and entry-into-force dates;
 * - forum series of ten editions each (at least 4 series; 40 at a
 *   million), each edition `part-of` its series;
 * - 50 threat categories in a three-level hierarchy (`part-of`);
 *
 * and the relations, by share of what the structure leaves: member-of
 * (about 43 %: a state or an organization joining an organization,
 * organizations chosen by a Zipf-like law so a few are large, in role
 * sequences such as dialogue partner → observer → member, the next
 * starting where the last ended, 8 % ending in withdrawal),
 * signatory-of (15 %) and party-to (15 %: ratification, acceptance or
 * approval by signatories and accession by others, start = entry into
 * force for that party, never before the agreement's own, a "deposit"
 * qualifier, 3 % withdrawn),
 * participant-in (18 %), organizer-of, host-of, adopted-within,
 * addresses (agreements and forums addressing categories at every
 * level), implements, amends, supersedes and references.
 *
 * Dates mix the three precisions. Relations touching an organization
 * start after it was founded and before it was dissolved, periods end
 * after they start, the same relation is never stated twice and part-of
 * has no cycle, so iis_catalog_validate() finds nothing. A quarter of the
 * relations cite one of N / 100 shared source documents. Entities carry
 * names, some labels, identifiers and descriptions.
 *
 * With --actions, the treaty actions of format 1.1 follow the N
 * relations (gen_action_details()): a consent for each party-to, some
 * reservations and declarations, a denunciation for each party-to that
 * ended; the file is then format 1.1.
 *
 * Entities are written sorted by id and relations in the order libiis
 * saves them (subject id, kind, object id, start, end, role), pretty
 * printed with two spaces, as a file saved by the library would be. The
 * same seed gives the same bytes.
 */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/* In IisRelationKind order, which is the file's order within a subject. */
enum {
  MEMBER_OF = 1, PART_OF, SIGNATORY_OF, PARTY_TO, ORGANIZER_OF, PARTICIPANT_IN,
  HOST_OF, ADOPTED_WITHIN, ADDRESSES, IMPLEMENTS, AMENDS, SUPERSEDES, REFERENCES,
  /* The treaty actions of format 1.1 (--actions), at their values. */
  CONSENTED_TO = 19, RESERVATION_TO = 21, DECLARATION_TO, DENOUNCED = 24,
  N_KINDS
};

static const char * const kind_nicks[N_KINDS] = {
  NULL, "member-of", "part-of", "signatory-of", "party-to", "organizer-of",
  "participant-in", "host-of", "adopted-within", "addresses", "implements", "amends",
  "supersedes", "references",
  [CONSENTED_TO] = "consented-to", [RESERVATION_TO] = "reservation-to",
  [DECLARATION_TO] = "declaration-to", [DENOUNCED] = "denounced",
};

typedef enum { STATE, ORGANIZATION, AGREEMENT, FORUM, THREAT } EntityType;

typedef struct
{
  char       *id;
  EntityType  type;
  guint       first_year;   /* founded, adopted, held; 0 if unknown */
  guint       last_year;    /* dissolved; 0 if not */
  guint32     in_force;     /* an agreement's entry into force, packed; 0 if unknown */
  GString    *json;         /* the members after "type" and "id" */
} Entity;

typedef struct
{
  guint32     subject;      /* entity index */
  guint32     object;
  const char *role;         /* static, nullable */
  guint32     start;        /* packed, 0 for none */
  guint32     end;
  guint32     deposit;      /* packed, 0 for none */
  guint32     effective;    /* a denunciation's, packed, 0 for none */
  guint32     article;      /* a reservation's or declaration's, 0 for none */
  guint32     source;       /* 1-based source document, 0 for none */
  guint8      kind;
  guint8      confidence;   /* 0 none, 1 low, 2 medium, 3 high */
} Relation;

typedef struct
{
  GRand      *rand;
  GPtrArray  *entities;     /* Entity* */
  GArray     *relations;    /* Relation */
  GHashTable *stated;       /* "kind subject object" already generated */
  guint       n_sources;

  GArray     *states;       /* guint32 entity indexes */
  GArray     *organizations;  /* top-level organizations */
  GArray     *agreements;
  GArray     *editions;     /* forum editions */
  GArray     *series;
  GArray     *threats;
  double     *org_weights;  /* cumulative, over organizations */
} Gen;

static const char * const languages[] = { "ar", "es", "fr", "kk", "ru", "uz", "zh" };

/* ------------------------------------------------------------------ */
/* Dates                                                              */

static guint32
pack (guint year,
      guint month,
      guint day)
{
  return ((guint32) year << 9) | ((guint32) month << 5) | day;
}

static guint
year_of (guint32 packed)
{
  return packed >> 9;
}

/* Compares at the coarser precision of the two, as the library does
 * (iis_date_compare_coarse()): 2004 is neither before nor after
 * 2004-07-01. */
static int
compare_coarse (guint32 a,
                guint32 b)
{
  if ((a & 0x1f) == 0 || (b & 0x1f) == 0)
    {
      a &= ~0x1fu;
      b &= ~0x1fu;
    }
  if ((a & 0x1e0) == 0 || (b & 0x1e0) == 0)
    {
      a &= ~0x1ffu;
      b &= ~0x1ffu;
    }
  return (a > b) - (a < b);
}

static void
append_date (GString *out,
             guint32  packed)
{
  guint month = (packed >> 5) & 0xf, day = packed & 0x1f;

  if (month == 0)
    g_string_append_printf (out, "\"%04u\"", year_of (packed));
  else if (day == 0)
    g_string_append_printf (out, "\"%04u-%02u\"", year_of (packed), month);
  else
    g_string_append_printf (out, "\"%04u-%02u-%02u\"", year_of (packed), month, day);
}

static guint
days_in_month (guint year,
               guint month)
{
  static const guint8 days[] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
    return 29;
  return days[month];
}

static int
rand_range (Gen *gen,
            int  lo,
            int  hi)    /* inclusive */
{
  return hi <= lo ? lo : g_rand_int_range (gen->rand, lo, hi + 1);
}

static gboolean
chance (Gen    *gen,
        double  p)
{
  return g_rand_double (gen->rand) < p;
}

/* Any day of @year, the 29th to the 31st included. */
static guint32
day_in (Gen   *gen,
        guint  year)
{
  guint month = rand_range (gen, 1, 12);

  return pack (year, month, rand_range (gen, 1, days_in_month (year, month)));
}

/* A date in @year: 20 % known to the year, 25 % to the month, else the day. */
static guint32
date_in (Gen   *gen,
         guint  year)
{
  double p = g_rand_double (gen->rand);

  if (p < 0.20)
    return pack (year, 0, 0);
  if (p < 0.45)
    return pack (year, rand_range (gen, 1, 12), 0);
  return day_in (gen, year);
}

/* ------------------------------------------------------------------ */
/* Entities                                                           */

static guint32
add_entity (Gen        *gen,
            EntityType  type,
            char       *id,
            const char *name)
{
  Entity *e = g_new0 (Entity, 1);

  e->id = id;
  e->type = type;
  e->json = g_string_new (NULL);
  g_string_append_printf (e->json, ",\n      \"name\": \"%s\"", name);
  if (chance (gen, 0.25))
    g_string_append_printf (e->json, ",\n      \"description\": \"%s, as the synthetic benchmark "
                            "catalog describes it.\"", name);
  if (chance (gen, 0.4))
    {
      guint first = rand_range (gen, 0, G_N_ELEMENTS (languages) - 2);
      guint n = rand_range (gen, 1, 2);

      g_string_append (e->json, ",\n      \"labels\": {");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (e->json, "\n        \"%s\": \"%s (%s)\"%s",
                                languages[first + i], name, languages[first + i],
                                i + 1 < n ? "," : "");
      g_string_append (e->json, "\n      }");
    }
  if (type != THREAT && chance (gen, 0.5))
    g_string_append_printf (e->json, ",\n      \"identifiers\": {\n        \"wikidata\": \"Q%u\"\n      }",
                            (guint) gen->entities->len * 7 + 11);
  g_ptr_array_add (gen->entities, e);
  return gen->entities->len - 1;
}

static void
entity_free (gpointer data)
{
  Entity *e = data;

  g_free (e->id);
  g_string_free (e->json, TRUE);
  g_free (e);
}

static Entity *
entity (Gen     *gen,
        guint32  index)
{
  return g_ptr_array_index (gen->entities, index);
}

static void
append_index (GArray  *array,
              guint32  index)
{
  g_array_append_val (array, index);
}

static guint32
pick (Gen    *gen,
      GArray *array)
{
  return g_array_index (array, guint32, g_rand_int_range (gen->rand, 0, array->len));
}

/* ------------------------------------------------------------------ */
/* Relations                                                          */

/* Adds a relation without checking: member-of can hold a sequence of
 * roles for one pair, which relate() would refuse. */
static void
relate_again (Gen        *gen,
              guint8      kind,
              guint32     subject,
              guint32     object,
              const char *role,
              guint32     start,
              guint32     end)
{
  Relation rel = { 0, };

  rel.kind = kind;
  rel.subject = subject;
  rel.object = object;
  rel.role = role;
  rel.start = start;
  rel.end = end;
  if (chance (gen, 0.3))
    rel.confidence = rand_range (gen, 1, 3);
  if (chance (gen, 0.25))
    rel.source = rand_range (gen, 1, gen->n_sources);
  g_array_append_val (gen->relations, rel);
}

/* Adds a relation unless the same kind already links the two (then
 * returns FALSE). */
static gboolean
relate (Gen        *gen,
        guint8      kind,
        guint32     subject,
        guint32     object,
        const char *role,
        guint32     start,
        guint32     end)
{
  char key[40];

  g_snprintf (key, sizeof key, "%u %u %u", kind, subject, object);
  if (subject == object || g_hash_table_contains (gen->stated, key))
    return FALSE;
  g_hash_table_add (gen->stated, g_strdup (key));
  relate_again (gen, kind, subject, object, role, start, end);
  return TRUE;
}

static Relation *
last_relation (Gen *gen)
{
  return &g_array_index (gen->relations, Relation, gen->relations->len - 1);
}

/* The first year a relation with @index at one end may start in: after
 * an organization was founded (strictly, so any precision is after);
 * and the last, before it was dissolved. */
static void
years_open (Gen     *gen,
            guint32  index,
            guint   *lo,
            guint   *hi)
{
  Entity *e = entity (gen, index);

  if (e->type == ORGANIZATION && e->first_year > 0)
    *lo = MAX (*lo, e->first_year + 1);
  if (e->type == ORGANIZATION && e->last_year > 0)
    *hi = MIN (*hi, e->last_year - 1);
}

/* A top-level organization, a few large and many small. */
static guint32
pick_organization (Gen *gen)
{
  guint n = gen->organizations->len;
  double x = g_rand_double (gen->rand) * gen->org_weights[n - 1];
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (gen->org_weights[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_array_index (gen->organizations, guint32, lo);
}

/* A state (@p_state of the time) or a top-level organization. */
static guint32
pick_actor (Gen    *gen,
            double  p_state)
{
  if (chance (gen, p_state))
    return pick (gen, gen->states);
  return pick (gen, gen->organizations);
}

static void
gen_memberships (Gen   *gen,
                 guint  budget)
{
  static const char * const seq_member[] = { "member", NULL };
  static const char * const seq_observer[] = { "observer", "member", NULL };
  static const char * const seq_partner[] = { "dialogue-partner", "observer", "member", NULL };
  static const char * const seq_associate[] = { "associate", NULL };
  static const char * const seq_observer_only[] = { "observer", NULL };
  guint done = 0, misses = 0;

  while (done < budget && misses < 100000)
    {
      guint32 org = pick_organization (gen);
      guint32 member = pick_actor (gen, 0.85);
      const char * const *seq;
      double p = g_rand_double (gen->rand);
      guint lo = 1950, hi = 2024, year;
      guint32 start;

      years_open (gen, org, &lo, &hi);
      years_open (gen, member, &lo, &hi);
      if (member == org || lo > hi)
        {
          misses++;
          continue;
        }
      seq = p < 0.65 ? seq_member : p < 0.80 ? seq_observer : p < 0.90 ? seq_partner :
            p < 0.95 ? seq_associate : seq_observer_only;
      year = rand_range (gen, lo, hi);
      start = chance (gen, 0.05) ? 0 : date_in (gen, year);
      if (!relate (gen, MEMBER_OF, member, org, seq[0], start, 0))
        {
          misses++;
          continue;
        }
      misses = 0;
      done++;
      for (guint i = 1; seq[i] != NULL && done < budget; i++)
        {
          /* The next role begins where the last ended. */
          guint next_year = year + rand_range (gen, 1, 6);
          guint32 next;

          if (next_year > MIN (hi, 2025) || start == 0)
            break;
          next = date_in (gen, next_year);
          last_relation (gen)->end = next;
          relate_again (gen, MEMBER_OF, member, org, seq[i], next, 0);
          year = next_year;
          start = next;
          done++;
        }
      if (start != 0 && chance (gen, 0.08) && year < 2025)
        last_relation (gen)->end = date_in (gen, rand_range (gen, year + 1, 2026));
    }
}

static void
gen_treaty_actions (Gen   *gen,
                    guint  sign_budget,
                    guint  party_budget)
{
  static const char * const consent[] = { "ratification", "ratification", "ratification",
                                          "acceptance", "approval" };
  guint signed_ = 0, parties = 0, misses = 0;

  while ((signed_ < sign_budget || parties < party_budget) && misses < 100000)
    {
      guint32 agreement = pick (gen, gen->agreements);
      guint adopted = entity (gen, agreement)->first_year;
      guint32 in_force = entity (gen, agreement)->in_force;
      double p = g_rand_double (gen->rand);
      guint k = p < 0.6 ? 2 : p < 0.85 ? (guint) rand_range (gen, 3, 15) : (guint) rand_range (gen, 15, 150);
      guint added = 0;

      for (guint i = 0; i < k + k / 4; i++)
        {
          gboolean accession = i >= k;
          guint32 actor = pick_actor (gen, 0.9);
          guint lo = adopted, hi = 2024, sign_year, party_year;
          guint32 party_start;

          years_open (gen, actor, &lo, &hi);
          if (lo > hi || lo + 1 > 2025)
            continue;
          sign_year = rand_range (gen, lo, MIN (hi, lo + 2));
          if (!accession && signed_ < sign_budget)
            {
              if (!relate (gen, SIGNATORY_OF, actor, agreement, NULL, day_in (gen, sign_year), 0))
                continue;
              signed_++;
              added++;
            }
          if (parties >= party_budget || (!accession && chance (gen, 0.25)))
            continue;
          party_year = accession ? (guint) rand_range (gen, sign_year + 2, sign_year + 15)
                                 : (guint) rand_range (gen, sign_year + 1, sign_year + 4);
          if (party_year > MIN (hi, 2025))
            continue;
          party_start = date_in (gen, party_year);
          /* No party is bound before the agreement is in force
           * (iis_catalog_validate() checks it): one that consented
           * earlier is bound from the entry into force. */
          if (in_force != 0 && compare_coarse (party_start, in_force) < 0)
            party_start = in_force;
          if (!relate (gen, PARTY_TO, actor, agreement, accession ? "accession" : consent[rand_range (gen, 0, 4)],
                       party_start, 0))
            continue;
          last_relation (gen)->deposit = day_in (gen, party_year - 1);
          if (chance (gen, 0.03) && year_of (party_start) < 2024)
            last_relation (gen)->end = date_in (gen, rand_range (gen, year_of (party_start) + 1, 2025));
          parties++;
          added++;
        }
      misses = added == 0 ? misses + 1 : 0;
    }
}

/* The treaty actions behind each party-to (--actions), as a treaty
 * office records them: the consent deposited (its kind the party-to's
 * role), for 10 % a reservation and for 5 % a declaration made with it,
 * and for a party-to that ended a denunciation notified the year before
 * and taking effect at its end. They come after the N relations and draw
 * from a generator of their own, so the N relations are the same bytes
 * with or without them. */
static void
gen_action_details (Gen *gen,
                    int  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed ^ 0x5eed7ac7u);
  g_autoptr(GHashTable) signed_on = g_hash_table_new (g_int64_hash, g_int64_equal);
  /* Sized for every relation, so it never moves under the table. */
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), gen->relations->len);
  guint n = gen->relations->len;

  /* The signature of each (party, agreement): a consent by ratification,
   * acceptance or approval is deposited on or after it. */
  for (guint i = 0; i < n; i++)
    {
      const Relation *r = &g_array_index (gen->relations, Relation, i);
      gint64 key = ((gint64) r->subject << 32) | r->object;

      if (r->kind != SIGNATORY_OF)
        continue;
      g_array_append_val (keys, key);
      g_hash_table_insert (signed_on, &g_array_index (keys, gint64, keys->len - 1), GUINT_TO_POINTER (r->start));
    }

  for (guint i = 0; i < n; i++)
    {
      Relation party = g_array_index (gen->relations, Relation, i);
      gint64 key = ((gint64) party.subject << 32) | party.object;
      guint32 signature = GPOINTER_TO_UINT (g_hash_table_lookup (signed_on, &key));
      Relation action = { 0, };
      double p;

      if (party.kind != PARTY_TO)
        continue;
      action.subject = party.subject;
      action.object = party.object;

      action.kind = CONSENTED_TO;
      action.role = party.role;
      action.start = MAX (party.deposit, signature);
      g_array_append_val (gen->relations, action);

      p = g_rand_double (rand);
      if (p < 0.15)
        {
          action.kind = p < 0.10 ? RESERVATION_TO : DECLARATION_TO;
          action.role = NULL;
          action.article = g_rand_int_range (rand, 1, 49);
          g_array_append_val (gen->relations, action);
          action.article = 0;
        }

      if (party.end != 0)
        {
          action.kind = DENOUNCED;
          action.role = "denunciation";
          action.start = pack (year_of (party.end) - 1, 0, 0);
          action.effective = party.end;
          g_array_append_val (gen->relations, action);
        }
    }
}

static void
gen_forum_relations (Gen   *gen,
                     guint  participant_budget,
                     guint  organizer_budget,
                     guint  host_budget)
{
  guint participants = 0, organizers = 0, hosts = 0, misses = 0;

  for (guint i = 0; (participants < participant_budget || organizers < organizer_budget ||
                     hosts < host_budget) && misses < 100000; i++)
    {
      guint32 edition = g_array_index (gen->editions, guint32, i % gen->editions->len);
      guint year = entity (gen, edition)->first_year;
      guint32 actor = pick_actor (gen, 0.7);
      guint lo = year, hi = year;
      gboolean added = FALSE;

      years_open (gen, actor, &lo, &hi);
      if (lo > hi)
        {
          misses++;
          continue;
        }
      if (participants < participant_budget)
        added |= relate (gen, PARTICIPANT_IN, actor, edition, chance (gen, 0.4) ? "delegation" : NULL,
                         chance (gen, 0.3) ? pack (year, 0, 0) : 0, 0) && ++participants;
      if (organizers < organizer_budget && i % 7 == 0)
        added |= relate (gen, ORGANIZER_OF, actor, edition, NULL, 0, 0) && ++organizers;
      if (hosts < host_budget && i % 9 == 0)
        added |= relate (gen, HOST_OF, pick (gen, gen->states), edition, NULL, 0, 0) && ++hosts;
      misses = added ? 0 : misses + 1;
    }
}

/* Agreement-to-agreement and agreement-to-place relations. */
static void
gen_agreement_links (Gen   *gen,
                     guint  budget,
                     guint8 kind)
{
  guint done = 0, misses = 0;

  while (done < budget && misses < 100000)
    {
      guint32 a = pick (gen, gen->agreements);
      gboolean added = FALSE;

      if (kind == ADOPTED_WITHIN)
        {
          guint year = entity (gen, a)->first_year;
          guint32 place = chance (gen, 0.8) ? pick_organization (gen) : pick (gen, gen->editions);
          guint lo = year, hi = year;

          years_open (gen, place, &lo, &hi);
          if (lo <= hi)
            added = relate (gen, kind, a, place, NULL, 0, 0);
        }
      else if (kind == ADDRESSES)
        {
          guint32 subject = chance (gen, 0.85) ? a : pick (gen, gen->editions);

          added = relate (gen, kind, subject, pick (gen, gen->threats), NULL, 0, 0);
        }
      else
        {
          guint32 b = pick (gen, gen->agreements);

          /* The later one implements, amends, supersedes or refers to the
           * earlier one. */
          if (entity (gen, a)->first_year > entity (gen, b)->first_year)
            added = relate (gen, kind, a, b, NULL, 0, 0);
        }
      if (added)
        done++;
      misses = added ? 0 : misses + 1;
    }
}

/* ------------------------------------------------------------------ */
/* The world                                                          */

static void
gen_entities (Gen   *gen,
              guint  n_relations)
{
  static const char * const org_kinds[] = {
    "intergovernmental", "intergovernmental", "intergovernmental", "council", "commission",
    "government-agency", "research-institute", "parliamentary-body",
  };
  static const char * const body_kinds[] = {
    "secretariat", "council", "executive-body", "expert-group", "commission",
  };
  static const char * const agreement_kinds[] = {
    "agreement", "agreement", "treaty", "convention", "statement", "declaration",
    "resolution", "code-of-conduct", "strategy", "action-plan", "charter",
  };
  guint n_orgs = MAX (20, n_relations / 250);
  guint n_agreements = MAX (50, n_relations / 40);
  guint n_series = MAX (4, n_relations / 25000);

  for (guint i = 0; i < 200; i++)
    {
      char code[3] = { 'A' + i / 26, 'A' + i % 26, 0 };
      g_autofree char *name = g_strdup_printf ("State %s", code);
      guint32 s = add_entity (gen, STATE, g_strdup (code), name);

      g_string_append_printf (entity (gen, s)->json,
                              ",\n      \"alpha-2\": \"%s\",\n      \"alpha-3\": \"%sX\","
                              "\n      \"numeric\": %u", code, code, 4 + 4 * i);
      append_index (gen->states, s);
    }

  for (guint i = 0; i < n_orgs; i++)
    {
      g_autofree char *name = g_strdup_printf ("Organization %u", i);
      guint32 o = add_entity (gen, ORGANIZATION, g_strdup_printf ("org-%04u", i), name);
      Entity *e = entity (gen, o);
      guint32 founded = date_in (gen, rand_range (gen, 1945, 2015));
      guint n_bodies = rand_range (gen, 0, 3);

      e->first_year = year_of (founded);
      g_string_append_printf (e->json, ",\n      \"acronym\": \"O%u\",\n      \"kind\": \"%s\","
                              "\n      \"founded\": ", i, org_kinds[rand_range (gen, 0, G_N_ELEMENTS (org_kinds) - 1)]);
      append_date (e->json, founded);
      if (chance (gen, 0.06) && e->first_year + 8 <= 2024)
        {
          guint32 dissolved = date_in (gen, rand_range (gen, e->first_year + 8, MIN (2024, e->first_year + 40)));

          e->last_year = year_of (dissolved);
          g_string_append (e->json, ",\n      \"dissolved\": ");
          append_date (e->json, dissolved);
        }
      append_index (gen->organizations, o);

      for (guint b = 0; b < n_bodies; b++)
        {
          g_autofree char *body_name = g_strdup_printf ("Body %u of organization %u", b + 1, i);
          guint32 body = add_entity (gen, ORGANIZATION, g_strdup_printf ("org-%04u-b%u", i, b + 1), body_name);

          g_string_append_printf (entity (gen, body)->json, ",\n      \"kind\": \"%s\"",
                                  body_kinds[rand_range (gen, 0, G_N_ELEMENTS (body_kinds) - 1)]);
          relate (gen, PART_OF, body, o, NULL, 0, 0);
          if (chance (gen, 0.2))
            {
              g_autofree char *sub_name = g_strdup_printf ("Expert group of body %u of organization %u", b + 1, i);
              guint32 sub = add_entity (gen, ORGANIZATION, g_strdup_printf ("org-%04u-b%u-g1", i, b + 1), sub_name);

              g_string_append (entity (gen, sub)->json, ",\n      \"kind\": \"expert-group\"");
              relate (gen, PART_OF, sub, body, NULL, 0, 0);
            }
        }
    }

  for (guint i = 0; i < n_agreements; i++)
    {
      g_autofree char *name = g_strdup_printf ("Agreement %u", i);
      guint32 a = add_entity (gen, AGREEMENT, g_strdup_printf ("agr-%05u", i), name);
      Entity *e = entity (gen, a);
      guint32 adopted = day_in (gen, rand_range (gen, 1950, 2023));

      e->first_year = year_of (adopted);
      g_string_append_printf (e->json, ",\n      \"kind\": \"%s\",\n      \"status\": \"%s\",\n      \"adopted\": ",
                              agreement_kinds[rand_range (gen, 0, G_N_ELEMENTS (agreement_kinds) - 1)],
                              chance (gen, 0.6) ? "in-force" : "signed");
      append_date (e->json, adopted);
      if (chance (gen, 0.5))
        g_string_append_printf (e->json, ",\n      \"adopted-place\": \"City %u\"", (guint) rand_range (gen, 1, 300));
      if (chance (gen, 0.5))
        {
          g_string_append (e->json, ",\n      \"entry-into-force\": ");
          e->in_force = date_in (gen, e->first_year + rand_range (gen, 1, 3));
          append_date (e->json, e->in_force);
        }
      append_index (gen->agreements, a);
    }

  for (guint i = 0; i < n_series; i++)
    {
      g_autofree char *name = g_strdup_printf ("Forum series %u", i);
      guint32 series = add_entity (gen, FORUM, g_strdup_printf ("forum-%03u", i), name);
      guint first = rand_range (gen, 1995, 2014);

      g_string_append (entity (gen, series)->json, ",\n      \"kind\": \"series\"");
      append_index (gen->series, series);
      for (guint k = 0; k < 10; k++)
        {
          g_autofree char *edition_name = g_strdup_printf ("Forum %u, %u", i, first + k);
          guint32 edition = add_entity (gen, FORUM, g_strdup_printf ("forum-%03u-%u", i, first + k), edition_name);
          Entity *e = entity (gen, edition);
          guint32 day = pack (first + k, rand_range (gen, 1, 12), rand_range (gen, 1, 26));

          e->first_year = first + k;
          g_string_append_printf (e->json, ",\n      \"kind\": \"%s\",\n      \"start\": ",
                                  k % 3 == 0 ? "conference" : "forum");
          append_date (e->json, day);
          g_string_append (e->json, ",\n      \"end\": ");
          append_date (e->json, day + 2);
          g_string_append_printf (e->json, ",\n      \"city\": \"City %u\",\n      \"participant-count\": %u",
                                  (guint) rand_range (gen, 1, 300), (guint) rand_range (gen, 50, 1500));
          relate (gen, PART_OF, edition, series, NULL, 0, 0);
          append_index (gen->editions, edition);
        }
    }

  for (guint r = 0; r < 5; r++)
    {
      g_autofree char *name = g_strdup_printf ("Threat %u", r + 1);
      guint32 root = add_entity (gen, THREAT, g_strdup_printf ("threat-%u", r + 1), name);

      g_string_append_printf (entity (gen, root)->json, ",\n      \"definition\": \"Threats of kind %u.\"", r + 1);
      append_index (gen->threats, root);
      for (guint c = 0; c < 3; c++)
        {
          g_autofree char *child_name = g_strdup_printf ("Threat %u.%u", r + 1, c + 1);
          guint32 child = add_entity (gen, THREAT, g_strdup_printf ("threat-%u-%u", r + 1, c + 1), child_name);

          append_index (gen->threats, child);
          relate (gen, PART_OF, child, root, NULL, 0, 0);
          for (guint g = 0; g < 2; g++)
            {
              g_autofree char *leaf_name = g_strdup_printf ("Threat %u.%u.%u", r + 1, c + 1, g + 1);
              guint32 leaf = add_entity (gen, THREAT,
                                         g_strdup_printf ("threat-%u-%u-%u", r + 1, c + 1, g + 1),
                                         leaf_name);

              append_index (gen->threats, leaf);
              relate (gen, PART_OF, leaf, child, NULL, 0, 0);
            }
        }
    }

  /* Zipf-like weights: organization i weighs 1 / (i + 1)^0.7. */
  gen->org_weights = g_new (double, gen->organizations->len);
  for (guint i = 0; i < gen->organizations->len; i++)
    gen->org_weights[i] = (i ? gen->org_weights[i - 1] : 0) + exp (-0.7 * log (i + 1.0));
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */

static guint32 *ranks;      /* entity index → rank in id order */

static int
compare_entity_ids (gconstpointer a,
                    gconstpointer b)
{
  return strcmp ((*(Entity * const *) a)->id, (*(Entity * const *) b)->id);
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  const Relation *x = a, *y = b;

  if (x->subject != y->subject)
    return ranks[x->subject] < ranks[y->subject] ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->object != y->object)
    return ranks[x->object] < ranks[y->object] ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->role == NULL || y->role == NULL)
    return (x->role != NULL) - (y->role != NULL);
  return strcmp (x->role, y->role);
}

static void
append_relation (GString        *out,
                 Gen            *gen,
                 const Relation *rel)
{
  static const char * const confidences[] = { NULL, "low", "medium", "high" };

  g_string_append_printf (out, "    {\n      \"kind\": \"%s\",\n      \"subject\": \"%s\","
                          "\n      \"object\": \"%s\"",
                          kind_nicks[rel->kind], entity (gen, rel->subject)->id,
                          entity (gen, rel->object)->id);
  if (rel->role != NULL)
    g_string_append_printf (out, ",\n      \"role\": \"%s\"", rel->role);
  if (rel->start != 0)
    {
      g_string_append (out, ",\n      \"start\": ");
      append_date (out, rel->start);
    }
  if (rel->end != 0)
    {
      g_string_append (out, ",\n      \"end\": ");
      append_date (out, rel->end);
    }
  if (rel->confidence != 0)
    g_string_append_printf (out, ",\n      \"confidence\": \"%s\"", confidences[rel->confidence]);
  if (rel->deposit != 0)
    {
      g_string_append (out, ",\n      \"qualifiers\": {\n        \"deposit\": ");
      append_date (out, rel->deposit);
      g_string_append (out, "\n      }");
    }
  if (rel->effective != 0)
    {
      g_string_append (out, ",\n      \"qualifiers\": {\n        \"effective\": ");
      append_date (out, rel->effective);
      g_string_append (out, "\n      }");
    }
  if (rel->article != 0)
    g_string_append_printf (out, ",\n      \"qualifiers\": {\n        \"article\": \"%u\"\n      }", rel->article);
  if (rel->source != 0)
    {
      guint u = rel->source;

      /* Source documents are shared: the same one is cited by many
       * relations, as a treaty collection's page is. */
      g_string_append_printf (out, ",\n      \"sources\": [\n        {\n          \"title\": \"Document %u\","
                              "\n          \"url\": \"https://treaties.example.org/documents/%u\"", u, u);
      if (u % 3 == 0)
        g_string_append_printf (out, ",\n          \"publisher\": \"Publisher %u\"", u % 40);
      g_string_append (out, ",\n          \"date\": ");
      append_date (out, pack (1990 + u % 35, 1 + u % 12, 1 + u % 28));
      g_string_append (out, "\n        }\n      ]");
    }
  g_string_append (out, "\n    }");
}

static const char * const type_nicks[] = {
  "state", "organization", "agreement", "forum", "threat-category",
};

static gboolean
write_catalog (Gen         *gen,
               const char  *path,
               gboolean     actions,
               GError     **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_sized_new (1 << 20);
  FILE *file;
  gboolean ok;

  ranks = g_new (guint32, gen->entities->len);
  for (guint i = 0; i < gen->entities->len; i++)
    g_ptr_array_add (sorted, entity (gen, i));
  g_ptr_array_sort (sorted, compare_entity_ids);
  {
    g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < gen->entities->len; i++)
      g_hash_table_insert (index_of, entity (gen, i), GUINT_TO_POINTER (i));
    for (guint r = 0; r < sorted->len; r++)
      ranks[GPOINTER_TO_UINT (g_hash_table_lookup (index_of, sorted->pdata[r]))] = r;
  }
  g_array_sort (gen->relations, compare_relations);

  file = fopen (path, "w");
  if (file == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }

  g_string_append_printf (out, "{\n  \"format\": \"libiis-catalog\",\n  \"version\": \"%s\",\n  \"entities\": [\n",
                          actions ? "1.1" : "1.0");
  for (guint r = 0; r < sorted->len; r++)
    {
      Entity *e = sorted->pdata[r];

      g_string_append_printf (out, "    {\n      \"type\": \"%s\",\n      \"id\": \"%s\"%s\n    }%s\n",
                              type_nicks[e->type], e->id, e->json->str, r + 1 < sorted->len ? "," : "");
      if (out->len > (1 << 20))
        {
          fwrite (out->str, 1, out->len, file);
          g_string_truncate (out, 0);
        }
    }
  g_string_append (out, "  ],\n  \"relations\": [\n");
  for (guint i = 0; i < gen->relations->len; i++)
    {
      append_relation (out, gen, &g_array_index (gen->relations, Relation, i));
      g_string_append (out, i + 1 < gen->relations->len ? ",\n" : "\n");
      if (out->len > (1 << 20))
        {
          fwrite (out->str, 1, out->len, file);
          g_string_truncate (out, 0);
        }
    }
  g_string_append (out, "  ]\n}\n");
  fwrite (out->str, 1, out->len, file);
  ok = !ferror (file);
  if (fclose (file) != 0)
    ok = FALSE;
  g_clear_pointer (&ranks, g_free);
  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: cannot write", path);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  gint64 n_relations = 0;
  int seed = 1;
  gboolean actions = FALSE;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "relations", 'n', 0, G_OPTION_ARG_INT64, &n_relations, "Number of relations", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "File to write", "FILE" },
    { "actions", 0, 0, G_OPTION_ARG_NONE, &actions,
      "Also the treaty actions of format 1.1 (consents, reservations, declarations, denunciations)", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— a seeded, realistic libiis catalog");
  g_autoptr(GError) error = NULL;
  Gen gen = { 0, };
  guint structural, rest;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("gen-catalog: %s\n", error->message);
      return 2;
    }
  if (n_relations < 1000 || n_relations > 100000000 || output == NULL)
    {
      g_printerr ("gen-catalog: give --relations N (1,000 to 100,000,000) and --output FILE\n");
      return 2;
    }

  gen.rand = g_rand_new_with_seed (seed);
  gen.entities = g_ptr_array_new_with_free_func (entity_free);
  gen.relations = g_array_new (FALSE, FALSE, sizeof (Relation));
  gen.stated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.n_sources = MAX (100, n_relations / 100);
  gen.states = g_array_new (FALSE, FALSE, sizeof (guint32));
  gen.organizations = g_array_new (FALSE, FALSE, sizeof (guint32));
  gen.agreements = g_array_new (FALSE, FALSE, sizeof (guint32));
  gen.editions = g_array_new (FALSE, FALSE, sizeof (guint32));
  gen.series = g_array_new (FALSE, FALSE, sizeof (guint32));
  gen.threats = g_array_new (FALSE, FALSE, sizeof (guint32));

  gen_entities (&gen, n_relations);
  structural = gen.relations->len;
  rest = n_relations - structural;

  gen_treaty_actions (&gen, rest * 0.15, rest * 0.15);
  gen_forum_relations (&gen, rest * 0.18, rest * 0.015, rest * 0.01);
  gen_agreement_links (&gen, rest * 0.02, ADOPTED_WITHIN);
  gen_agreement_links (&gen, rest * 0.03, ADDRESSES);
  gen_agreement_links (&gen, rest * 0.005, IMPLEMENTS);
  gen_agreement_links (&gen, rest * 0.005, AMENDS);
  gen_agreement_links (&gen, rest * 0.005, SUPERSEDES);
  gen_agreement_links (&gen, rest * 0.01, REFERENCES);
  gen_memberships (&gen, n_relations - gen.relations->len);

  if (gen.relations->len != n_relations)
    {
      g_printerr ("gen-catalog: made %u relations of %" G_GINT64_FORMAT "\n", gen.relations->len, n_relations);
      return 1;
    }
  if (actions)
    gen_action_details (&gen, seed);
  if (!write_catalog (&gen, output, actions, &error))
    {
      g_printerr ("gen-catalog: %s\n", error->message);
      return 1;
    }

  g_ptr_array_unref (gen.entities);
  g_array_unref (gen.relations);
  g_hash_table_unref (gen.stated);
  g_array_unref (gen.states);
  g_array_unref (gen.organizations);
  g_array_unref (gen.agreements);
  g_array_unref (gen.editions);
  g_array_unref (gen.series);
  g_array_unref (gen.threats);
  g_free (gen.org_weights);
  g_rand_free (gen.rand);
  return 0;
}
