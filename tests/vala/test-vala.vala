/* test-vala.vala: libiis from Vala, through libiis-1.0.vapi
 *
 * Copyright 2026 The libiis authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A GTest program (run with --tap): dates, entities built from properties,
 * the catalog and its errors as Iis.Error, signals, questions, load and
 * save, an async load driven by a main loop, and snapshots.
 */

static string ids (GLib.ListModel model) {
    var builder = new StringBuilder ();
    for (uint i = 0; i < model.get_n_items (); i++) {
        var entity = (Iis.Entity) model.get_item (i);
        if (i > 0)
            builder.append_c (' ');
        builder.append (entity.id);
    }
    return builder.str;
}

static Iis.Date date (string text) {
    try {
        return Iis.Date.parse (text);
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

static Iis.Catalog small_catalog () throws GLib.Error {
    var catalog = new Iis.Catalog ();
    var uz = new Iis.State ("UZ", "Uzbekistan");
    var kz = (Iis.State) Object.new (typeof (Iis.State),
                                     "id", "KZ",
                                     "name", "Kazakhstan",
                                     "alpha-3", "KAZ");
    var sco = (Iis.Organization) Object.new (typeof (Iis.Organization),
                                             "id", "sco",
                                             "name", "Shanghai Cooperation Organisation",
                                             "kind", Iis.OrganizationKind.INTERGOVERNMENTAL,
                                             "founded", date ("2001-06-15"));
    catalog.add_entity (uz);
    catalog.add_entity (kz);
    catalog.add_entity (sco);

    var r = (Iis.Relation) Object.new (typeof (Iis.Relation),
                                       "kind", Iis.RelationKind.MEMBER_OF,
                                       "subject", uz,
                                       "object", sco,
                                       "role", "member",
                                       "start", date ("2001-06-15"));
    catalog.add_relation (r);
    var r2 = new Iis.Relation (Iis.RelationKind.MEMBER_OF, kz, sco);
    r2.role = "member";
    r2.start = date ("2001-06-15");
    r2.end = date ("2030");
    catalog.add_relation (r2);
    return catalog;
}

static void test_dates () {
    var d = date ("2017-02");
    assert_true (d.get_precision () == Iis.DatePrecision.MONTH);
    assert_cmpstr (d.to_string (), CompareOperator.EQ, "2017-02");
    assert_cmpint (new Iis.Date (2017, 0, 0).compare (d), CompareOperator.LT, 0);
    assert_cmpint (new Iis.Date (2017, 0, 0).compare_coarse (date ("2017-06-01")), CompareOperator.EQ, 0);
    assert_true (d.equal (new Iis.Date (2017, 2, 0)));
    assert_true (Iis.Date.is_valid (2000, 2, 29));
    assert_false (Iis.Date.is_valid (1900, 2, 29));

    try {
        Iis.Date.parse ("2017-13-40");
        assert_not_reached ();
    } catch (Iis.Error.INVALID_VALUE e) {
        assert_true (e.matches (Iis.Error.quark (), Iis.Error.INVALID_VALUE));
        assert_true ("2017-13-40" in e.message);
    } catch (GLib.Error e) {
        assert_not_reached ();
    }
}

static void test_entities () {
    var forum = (Iis.Forum) Object.new (typeof (Iis.Forum),
                                        "id", "infoforum-2017",
                                        "name", "Infoforum 2017",
                                        "kind", Iis.ForumKind.FORUM,
                                        "city", "Moscow",
                                        "participant-count", 1500u);
    assert_cmpstr (forum.city, CompareOperator.EQ, "Moscow");
    assert_cmpuint (forum.participant_count, CompareOperator.EQ, 1500);
    forum.add_topic ("cybercrime");
    assert_cmpstr (forum.get_topics ()[0], CompareOperator.EQ, "cybercrime");

    var agreement = new Iis.Agreement ("a", "An agreement");
    agreement.kind = Iis.AgreementKind.AGREEMENT;
    agreement.status = Iis.AgreementStatus.IN_FORCE;
    agreement.adopted = date ("2009-06-16");
    assert_cmpstr (agreement.get_adopted ().to_string (), CompareOperator.EQ, "2009-06-16");
    assert_cmpstr (agreement.get_type_nick (), CompareOperator.EQ, "agreement");

    var category = new Iis.ThreatCategory ("information-terrorism", "Information terrorism");
    category.definition = "A definition";
    assert_cmpstr (category.get_definition (), CompareOperator.EQ, "A definition");

    var uz = new Iis.State ("UZ", "Uzbekistan");
    uz.set_label ("ru", "Узбекистан");
    uz.set_identifier ("wikidata", "Q265");
    assert_cmpstr (uz.get_label ("ru"), CompareOperator.EQ, "Узбекистан");
    assert_cmpstr (uz.get_identifier ("wikidata"), CompareOperator.EQ, "Q265");
    var source = new Iis.Source ("A statement");
    source.date = date ("2006-06-15");
    uz.add_source (source);
    assert_cmpuint (uz.get_sources ().get_n_items (), CompareOperator.EQ, 1);

    uint notified = 0;
    uz.notify["name"].connect (() => { notified++; });
    uz.name = "Uzbekistan";
    uz.name = "Republic of Uzbekistan";
    assert_cmpuint (notified, CompareOperator.EQ, 1);

    /* Functions of an enumeration are methods of its values in Vala. */
    assert_true (Iis.RelationKind.ADDRESSES.allows (typeof (Iis.Agreement),
                                                    typeof (Iis.ThreatCategory)));
    assert_false (Iis.RelationKind.MEMBER_OF.allows (typeof (Iis.State),
                                                     typeof (Iis.State)));
    assert_cmpstr (Iis.RelationKind.PARTY_TO.to_nick (), CompareOperator.EQ, "party-to");
}

static void test_catalog_errors_and_signals () {
    try {
        var catalog = small_catalog ();
        string[] events = {};
        catalog.entity_added.connect ((e) => { events += "+" + e.id; });
        catalog.entity_removed.connect ((e) => { events += "-" + e.id; });
        catalog.relation_removed.connect ((r) => { events += "-r:" + r.get_subject ().id; });

        try {
            catalog.add_entity (new Iis.State ("UZ", "Again"));
            assert_not_reached ();
        } catch (Iis.Error.DUPLICATE_ID e) {
            assert_true ("UZ" in e.message);
        }

        var ru = new Iis.State ("RU", "Russia");
        try {
            catalog.add_relation (new Iis.Relation (Iis.RelationKind.MEMBER_OF,
                                                    catalog.lookup ("UZ"), ru));
            assert_not_reached ();
        } catch (Iis.Error.UNKNOWN_REFERENCE e) {
        }
        catalog.add_entity (ru);
        try {
            catalog.add_relation (new Iis.Relation (Iis.RelationKind.MEMBER_OF,
                                                    catalog.lookup ("UZ"), ru));
            assert_not_reached ();
        } catch (Iis.Error.TYPE_MISMATCH e) {
        }

        assert_true (catalog.remove_entity (catalog.lookup ("KZ")));
        assert_cmpstr (string.joinv (" ", events), CompareOperator.EQ, "+RU -r:KZ -KZ");
        assert_cmpuint (catalog.n_entities, CompareOperator.EQ, 3);
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

static void test_questions () {
    try {
        var catalog = small_catalog ();
        var sco = (Iis.Organization) catalog.lookup ("sco");
        assert_cmpstr (ids (catalog.get_members (sco, "member", date ("2018"))), CompareOperator.EQ, "KZ UZ");
        assert_cmpstr (ids (catalog.get_members (sco, null, date ("2031"))), CompareOperator.EQ, "UZ");
        assert_cmpstr (ids (catalog.get_members (sco, null, null)), CompareOperator.EQ, "KZ UZ");
        assert_true (catalog.is_member (catalog.lookup ("KZ"), sco, date ("2029")));
        assert_cmpuint (catalog.get_memberships (catalog.lookup ("KZ"), null).get_n_items (), CompareOperator.EQ, 1);
        assert_cmpuint (catalog.validate ().get_n_items (), CompareOperator.EQ, 0);
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }

    /* The bundled catalog. */
    var bundled = new Iis.Catalog.@default ();
    var sco = (Iis.Organization) bundled.lookup ("sco");
    var members = bundled.get_members (sco, "member", date ("2018-01-01"));
    assert_cmpuint (members.get_n_items (), CompareOperator.EQ, 8);
    /* Answers are Iis.Answers: all their items at once, in order. */
    var answer = (Iis.Answer) members;
    unowned GLib.Object[]? items = answer.get_items ();
    assert_cmpuint (items.length, CompareOperator.EQ, 8);
    for (uint i = 0; i < items.length; i++)
        assert_true (items[i] == members.get_item (i));
    var category = (Iis.ThreatCategory) bundled.lookup ("information-weapons");
    assert_true ("sco-2009-agreement" in ids (bundled.get_agreements_addressing (category, true)).split (" "));
}

/* Treaty actions and a party's status (since 1.1): the bundled Budapest
 * Convention, whose statuses agree with its parties, and a withdrawn
 * consent built from properties. */
static void test_party_status () {
    var bundled = new Iis.Catalog.@default ();
    var ets185 = (Iis.Agreement) bundled.lookup ("coe-ets-185");
    var at = date ("2024-01-01");
    var parties = bundled.get_parties (ets185, at);
    assert_cmpuint (parties.get_n_items (), CompareOperator.GT, 40);
    for (uint i = 0; i < parties.get_n_items (); i++) {
        var party = (Iis.Entity) parties.get_item (i);
        try {
            var status = bundled.get_party_status (ets185, party, at);
            assert_true (status.kind.is_bound ());
            assert_true (status.party == party);
        } catch (GLib.Error e) {
            error ("%s", e.message);
        }
    }

    try {
        var catalog = new Iis.Catalog ();
        var ctbt = new Iis.Agreement ("un-ctbt", "CTBT");
        var ru = new Iis.State ("RU", "Russian Federation");
        catalog.add_entity (ctbt);
        catalog.add_entity (ru);
        catalog.add_relation (new Iis.Relation (Iis.RelationKind.SIGNATORY_OF, ru, ctbt) { start = date ("1996-09-24") });
        catalog.add_relation (new Iis.Relation (Iis.RelationKind.CONSENTED_TO, ru, ctbt) {
            role = "ratification", start = date ("2000-05-27"), end = date ("2023-11-02") });
        assert_true (catalog.get_party_status (ctbt, ru, date ("2010")).kind == Iis.PartyStatusKind.CONSENTED);
        assert_true (catalog.get_party_status (ctbt, ru, date ("2024")).kind == Iis.PartyStatusKind.CONSENT_WITHDRAWN);
        assert_cmpstr (ids (catalog.get_signatories_never_bound (ctbt, date ("2024"))), CompareOperator.EQ, "RU");
        catalog.get_party_status (ctbt, ctbt, null);
        assert_not_reached ();
    } catch (Iis.Error e) {
        assert_true (e is Iis.Error.TYPE_MISMATCH);
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

/* EDTF dates and the possible mode (since 1.1). */
static void test_inexact_dates () {
    try {
        var catalog = new Iis.Catalog ();
        var org = new Iis.Organization ("org", "An organization");
        var aa = new Iis.State ("AA", "Joined 2005?");
        catalog.add_entity (org);
        catalog.add_entity (aa);
        catalog.add_relation ((Iis.Relation) GLib.Object.@new (typeof (Iis.Relation),
            "kind", Iis.RelationKind.MEMBER_OF, "subject", aa, "object", org,
            "role", "member", "start", date ("2005?")));
        assert_cmpstr (date ("201X").to_string (), CompareOperator.EQ, "201X");
        assert_cmpstr (date ("201X").dup_latest ().to_string (), CompareOperator.EQ, "2019");
        assert_true (Iis.period_get_truth_at (date ("201X"), null, date ("2015")) == Iis.Truth.UNKNOWN);
        assert_cmpuint (catalog.get_members (org, "member", date ("2004")).get_n_items (), CompareOperator.EQ, 0);
        var answer = (Iis.Answer) catalog.get_members_full (org, "member", date ("2004"), Iis.QuestionMode.POSSIBLE);
        assert_cmpuint (answer.get_n_items (), CompareOperator.EQ, 1);
        assert_true (answer.get_truth (0) == Iis.Truth.UNKNOWN);
        assert_true (catalog.get_member_truth (aa, org, date ("2006")) == Iis.Truth.YES);
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

/* States over time and continuity (since 1.1). */
static void test_continuity () {
    try {
        var catalog = new Iis.Catalog ();
        var un = new Iis.Organization ("un", "United Nations");
        var su = new Iis.State ("SU", "Soviet Union");
        var ru = new Iis.State ("RU", "Russia");
        su.ceased = date ("1991-12-26");
        catalog.add_entity (un);
        catalog.add_entity (su);
        catalog.add_entity (ru);
        catalog.add_relation (new Iis.Relation (Iis.RelationKind.MEMBER_OF, su, un));
        catalog.add_relation ((Iis.Relation) GLib.Object.@new (typeof (Iis.Relation),
            "kind", Iis.RelationKind.CONTINUES, "subject", ru, "object", su,
            "start", date ("1991-12-24")));
        assert_false (su.exists_at (date ("1992")));
        assert_cmpstr (ids (catalog.get_members (un, null, date ("2000"))), CompareOperator.EQ, "");
        assert_cmpstr (ids (catalog.get_members_continuous (un, null, date ("1980"), Iis.QuestionMode.CERTAIN)),
                       CompareOperator.EQ, "SU");
        assert_cmpstr (ids (catalog.get_members_continuous (un, null, date ("2000"), Iis.QuestionMode.CERTAIN)),
                       CompareOperator.EQ, "RU");
        assert_cmpuint (catalog.get_memberships (ru, null).get_n_items (), CompareOperator.EQ, 0);
        assert_cmpuint (catalog.get_memberships_continuous (ru, null, Iis.QuestionMode.CERTAIN).get_n_items (),
                        CompareOperator.EQ, 1);
        assert_true (catalog.resolve_continuity (ru, date ("1980")) == su);
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

static void test_load_and_save () {
    try {
        var catalog = small_catalog ();
        size_t length;
        var text = catalog.to_data (out length);
        assert_cmpuint (text.length, CompareOperator.EQ, (uint) length);

        FileIOStream stream;
        var file = File.new_tmp ("test-vala-XXXXXX.json", out stream);
        stream.close ();
        catalog.save_to_file (file);

        var loaded = new Iis.Catalog ();
        loaded.load_from_file (file);
        assert_cmpstr (loaded.to_data (out length), CompareOperator.EQ, text);

        try {
            new Iis.Catalog ().load_from_data ("{\"format\": \"libiis-catalog\", \"version\": \"2.0\"}", -1);
            assert_not_reached ();
        } catch (Iis.Error.UNSUPPORTED_VERSION e) {
        }

        /* An async load on a main loop. */
        var loop = new MainLoop ();
        var async_loaded = new Iis.Catalog ();
        GLib.Error? failure = null;
        async_loaded.load_from_file_async.begin (file, null, (obj, res) => {
            try {
                async_loaded.load_from_file_async.end (res);
            } catch (GLib.Error e) {
                failure = e;
            }
            loop.quit ();
        });
        loop.run ();
        assert_true (failure == null);
        assert_cmpstr (async_loaded.to_data (out length), CompareOperator.EQ, text);
        file.delete ();
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

static void test_snapshot () {
    try {
        var catalog = small_catalog ();
        size_t length;
        var text = catalog.to_data (out length);

        FileIOStream stream;
        var file = File.new_tmp ("test-vala-XXXXXX.snapshot", out stream);
        stream.close ();
        assert_true (catalog.save_snapshot (file));

        var loaded = new Iis.Catalog ();
        assert_true (loaded.load_snapshot (file, Iis.LoadFlags.NONE));
        assert_cmpstr (loaded.to_data (out length), CompareOperator.EQ, text);

        /* Over the same entities: an error without OVERRIDE. */
        try {
            loaded.load_snapshot (file, Iis.LoadFlags.NONE);
            assert_not_reached ();
        } catch (Iis.Error.DUPLICATE_ID e) {
        }
        /* With it, as the same document loaded twice: the entities
         * replaced, the relations added again. */
        assert_true (loaded.load_snapshot (file, Iis.LoadFlags.OVERRIDE));
        var twice = new Iis.Catalog ();
        twice.load_from_data (text, -1);
        twice.load_from_data_full (text, -1, Iis.LoadFlags.OVERRIDE);
        assert_cmpuint (loaded.get_n_relations (), CompareOperator.EQ, 2 * catalog.get_n_relations ());
        assert_cmpstr (loaded.to_data (out length), CompareOperator.EQ, twice.to_data (out length));

        /* Truncated. */
        uint8[] contents;
        file.load_contents (null, out contents, null);
        file.replace_contents (contents[0:contents.length / 2], null, false,
                               FileCreateFlags.NONE, null);
        try {
            new Iis.Catalog ().load_snapshot (file, Iis.LoadFlags.NONE);
            assert_not_reached ();
        } catch (Iis.Error.PARSE e) {
        }
        file.delete ();

        var cache = Iis.Catalog.get_cache_file (File.new_for_path ("/tmp/a.json"));
        assert_nonnull (cache);
        assert_true (cache.get_path ().has_prefix (Environment.get_user_cache_dir ()));
        assert_null (Iis.Catalog.get_cache_file (File.new_for_uri ("resource:///a.json")));
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

static void test_import_table () {
    try {
        var catalog = new Iis.Catalog ();
        catalog.load_from_data ("""{"format": "libiis-catalog", "version": "1.0", "entities": [
            {"type": "state", "id": "XA", "name": "Atlantis", "alpha-3": "XAA"},
            {"type": "agreement", "id": "treaty", "name": "A sample treaty"}]}""", -1);
        var map = """{"format": "libiis-table-map", "version": "1.0",
            "subject": {"column": "state", "match": "alpha-3"}, "object": {"value": "treaty"},
            "relations": [{"kind": "party-to", "start": "from"}]}""";
        string[] unmatched;
        assert_true (catalog.import_table (map, "state,from\nXAA,2004\nQQQ,2005\n".data, out unmatched));
        assert_cmpuint (unmatched.length, CompareOperator.EQ, 1);
        assert_true ("QQQ" in unmatched[0]);
        assert_cmpuint (catalog.get_n_relations (), CompareOperator.EQ, 1);

        try {
            catalog.import_table (map, "state,from\nXAA,20x4\n".data, out unmatched);
            assert_not_reached ();
        } catch (Iis.Error.INVALID_VALUE e) {
            assert_true ("row 1 (line 2)" in e.message);
        }
        assert_cmpuint (catalog.get_n_relations (), CompareOperator.EQ, 1);
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

int main (string[] args) {
    Test.init (ref args);
    Test.add_func ("/iis/vala/dates", test_dates);
    Test.add_func ("/iis/vala/entities", test_entities);
    Test.add_func ("/iis/vala/catalog", test_catalog_errors_and_signals);
    Test.add_func ("/iis/vala/questions", test_questions);
    Test.add_func ("/iis/vala/load-save", test_load_and_save);
    Test.add_func ("/iis/vala/snapshot", test_snapshot);
    Test.add_func ("/iis/vala/inexact-dates", test_inexact_dates);
    Test.add_func ("/iis/vala/continuity", test_continuity);
    Test.add_func ("/iis/vala/party-status", test_party_status);
    Test.add_func ("/iis/vala/import-table", test_import_table);
    return Test.run ();
}
