#!/usr/bin/python3
# check-schema.py: the writer's output against the file format's JSON Schema
#
# Copyright 2026 The libiis authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Runs the C writer tests with IIS_TEST_OUTPUT_DIR set, so they keep every
# document they write, then validates each of them, the fixtures and any
# other catalog given against data/iis-catalog.schema.json. Also checks
# that the schema is not vacuous: files of tests/data/bad/ that break the
# format in ways a schema can say must fail it. Prints TAP.
#
# Needs python3-jsonschema (Debian 12: 4.10), so run it with /usr/bin/python3.

import argparse
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

# Bad files whose problem is in the schema's reach: wrong types, unknown
# nicks, malformed dates, missing members, an unsupported version.
SCHEMA_REJECTS = [
    'format-missing.json',
    'format-wrong.json',
    'format-not-string.json',
    'version-missing.json',
    'version-number.json',
    'version-malformed.json',
    'version-major-2.json',
    'version-major-0.json',
    'entities-not-array.json',
    'relations-not-array.json',
    'null-entities.json',
    'entity-not-object.json',
    'entity-type-missing.json',
    'entity-type-unknown.json',
    'entity-id-missing.json',
    'entity-id-number.json',
    'entity-id-empty.json',
    'entity-id-control.json',
    'entity-id-too-long.json',
    'entity-name-array.json',
    'entity-name-null.json',
    'entity-labels-array.json',
    'entity-label-number.json',
    'entity-label-empty-lang.json',
    'entity-identifiers-string.json',
    'other-names-object.json',
    'other-name-no-name.json',
    'other-name-bad-date.json',
    'entity-source-string.json',
    'state-alpha2-lowercase.json',
    'state-numeric-string.json',
    'state-numeric-fraction.json',
    'state-numeric-range.json',
    'organization-kind-unknown.json',
    'organization-founded-month-13.json',
    'agreement-status-unknown.json',
    'forum-count-negative.json',
    'forum-minimum-string.json',
    'forum-topics-string.json',
    'forum-topic-number.json',
    'threat-definition-object.json',
    'relation-not-object.json',
    'relation-kind-missing.json',
    'relation-kind-unknown.json',
    'relation-kind-any.json',
    'relation-object-missing.json',
    'relation-subject-empty.json',
    'relation-bad-start.json',
    'relation-end-number.json',
    'relation-role-bool.json',
    'relation-confidence-unknown.json',
    'relation-qualifier-number.json',
    'relation-qualifiers-array.json',
    'relation-sources-object.json',
    'relation-source-title-number.json',
    'relation-source-bad-date.json',
]


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def result(self, ok, name, detail=None):
        self.n += 1
        if not ok:
            self.failed += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name))
        if detail:
            for line in str(detail).splitlines()[:20]:
                print('# ' + line)
        sys.stdout.flush()


def load_json(path):
    with open(path, 'rb') as f:
        return json.loads(f.read().decode('utf-8'))


def validate(validator, path):
    errors = sorted(validator.iter_errors(load_json(path)), key=lambda e: list(e.path))
    if not errors:
        return None
    e = errors[0]
    return '%s: %s' % ('/'.join(str(p) for p in e.absolute_path) or '(document)', e.message)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--schema', required=True)
    parser.add_argument('--writer-test', help='test program that keeps its output')
    parser.add_argument('--min-outputs', type=int, default=8,
                        help='the writer test must keep at least this many documents')
    parser.add_argument('--bad', help='tests/data/bad: the schema must reject some of it')
    parser.add_argument('catalogs', nargs='*', help='more catalog files to validate')
    args = parser.parse_args()

    tap = Tap()

    schema = load_json(args.schema)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        tap.result(True, 'the schema is a valid draft 2020-12 schema')
    except jsonschema.SchemaError as e:
        tap.result(False, 'the schema is a valid draft 2020-12 schema', e)
        print('1..%d' % tap.n)
        return 1
    validator = jsonschema.Draft202012Validator(schema)

    outputs = []
    with tempfile.TemporaryDirectory(prefix='iis-schema-') as out_dir:
        if args.writer_test:
            env = dict(os.environ, IIS_TEST_OUTPUT_DIR=out_dir)
            run = subprocess.run([args.writer_test], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            tap.result(run.returncode == 0, 'the writer tests pass and keep their output',
                       run.stdout.decode('utf-8', 'replace')[-2000:] if run.returncode else None)
            outputs = sorted(os.listdir(out_dir))
            tap.result(len(outputs) >= args.min_outputs,
                       'the writer tests kept %d documents' % len(outputs))
            for name in outputs:
                problem = validate(validator, os.path.join(out_dir, name))
                tap.result(problem is None, 'writer output %s validates' % name, problem)

    for path in args.catalogs:
        problem = validate(validator, path)
        tap.result(problem is None, '%s validates' % os.path.basename(path), problem)

    if args.bad:
        for name in SCHEMA_REJECTS:
            path = os.path.join(args.bad, name)
            try:
                problem = validate(validator, path)
            except (ValueError, UnicodeDecodeError) as e:
                tap.result(False, 'bad/%s is JSON' % name, e)
                continue
            tap.result(problem is not None, 'the schema rejects bad/%s' % name)

    print('1..%d' % tap.n)
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
