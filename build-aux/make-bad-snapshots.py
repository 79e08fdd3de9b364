#!/usr/bin/env python3
# Make the damaged snapshots of tests/data/bad-snapshot/ from the seed
# snapshot of full.json (tests/fuzz/seeds/snapshot/full.snapshot, made by
# tests/fuzz/make-snapshot-seeds.c). Run again, after the seeds, when the
# layout changes; tests/data/bad-snapshot/EXPECTED says what each must
# fail with, and test-bad-snapshots checks it.
#
#   build-aux/make-bad-snapshots.py
#
# The layout is the one libiis/iis-catalog-snapshot.c documents: a 64-byte
# header, a table of 7 sections of 24 bytes (id, item size, offset, size),
# the sections at offsets that are multiples of 8. "Fixed" below means the
# header's size and checksum are made right after the damage, so that the
# checks behind the checksum find it.
import os
import struct
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SEED = os.path.join(ROOT, 'tests', 'fuzz', 'seeds', 'snapshot', 'full.snapshot')
OUT = os.path.join(ROOT, 'tests', 'data', 'bad-snapshot')

HEADER = 64
MASK = (1 << 64) - 1
K = 0x9E3779B97F4A7C15
DOCUMENT, STRINGS, SOURCES, NODES, ADJACENCY, RECORDS, WORDS = range(7)
RECORD = struct.Struct('<IIIIIIBBH')


def snapshot_hash(data):
    """snapshot_hash() of iis-catalog-snapshot.c."""
    lane = [1, 2, 3, 4]
    size = len(data)
    i = 0
    while i + 32 <= size:
        for j in range(4):
            (w,) = struct.unpack_from('<Q', data, i + 8 * j)
            lane[j] = ((lane[j] ^ w) * K) & MASK
            lane[j] ^= lane[j] >> 31
        i += 32
    h = (size * K) & MASK
    for j in range(4):
        h = (((h ^ lane[j]) * K) & MASK) ^ (h >> 29)
    for b in data[i:]:
        h = (((h ^ b) * K) & MASK) ^ (h >> 29)
    return h ^ (h >> 32)


def fixed(data):
    data = bytearray(data)
    struct.pack_into('<Q', data, 24, len(data))
    struct.pack_into('<Q', data, 32, snapshot_hash(bytes(data[HEADER:])))
    return bytes(data)


def section(data, i):
    _, _, offset, size = struct.unpack_from('<IIQQ', data, HEADER + 24 * i)
    return offset, size


def patched(data, offset, raw):
    data = bytearray(data)
    data[offset:offset + len(raw)] = raw
    return bytes(data)


def record_at(data, r):
    offset, size = section(data, RECORDS)
    assert (r + 1) * RECORD.size <= size
    return offset + r * RECORD.size


def with_record(data, r, **changes):
    names = ('subject', 'object', 'start', 'end', 'role', 'extra', 'kind',
             'confidence', 'reserved')
    at = record_at(data, r)
    values = dict(zip(names, RECORD.unpack_from(data, at)))
    values.update(changes)
    return patched(data, at, RECORD.pack(*(values[n] for n in names)))


def strings_of(data):
    offset, size = section(data, STRINGS)
    (count,) = struct.unpack_from('<I', data, offset)
    lengths = struct.unpack_from('<%dI' % count, data, offset + 4)
    pos = offset + 4 + 4 * count
    found = []
    for length in lengths:
        if length == 0xffffffff:
            found.append((None, pos))
            continue
        found.append((data[pos:pos + length], pos))
        pos += length
    return found


def main():
    with open(SEED, 'rb') as f:
        good = f.read()
    records, _ = section(good, RECORDS)
    adjacency, _ = section(good, ADJACENCY)
    words, words_size = section(good, WORDS)
    strings = strings_of(good)

    # Two strings of one length: the second made a copy of the first.
    by_length = {}
    for text, pos in strings:
        if text is not None:
            by_length.setdefault(len(text), []).append((text, pos))
    twice = next(v for v in by_length.values() if len(v) >= 2)
    # The unknown members of a relation: a string that is a JSON object.
    unknown = next(pos for text, pos in strings if text and text.startswith(b'{'))
    # A record with no start, and the first record with extra words.
    undated = next(r for r in range(8) if RECORD.unpack_from(good, record_at(good, r))[2] == 0)

    bad = {
        'empty.snapshot': b'',
        'not-a-snapshot.snapshot': b'{"format": "libiis-catalog"}' + good[28:],
        'truncated-in-header.snapshot': good[:40],
        'truncated-in-table.snapshot': good[:HEADER + 24 * 3 + 8],
        'truncated-at-records.snapshot': good[:records],
        'truncated-last-byte.snapshot': good[:-1],
        'truncated-at-records-fixed.snapshot': fixed(good[:records]),
        'extra-bytes-fixed.snapshot': fixed(good + bytes(8)),
        'damaged.snapshot': patched(good, records + 5, bytes([good[records + 5] ^ 0x20])),
        'damaged-header.snapshot': patched(good, 20, struct.pack('<I', 8)),
        'version-2.snapshot': patched(good, 12, struct.pack('<H', 2)),
        'other-byte-order.snapshot': patched(good, 8, struct.pack('>I', 0x01020304)),
        'damaged-byte-order.snapshot': patched(good, 8, struct.pack('<I', 0x01020305)),
        'section-out-of-place-fixed.snapshot':
            fixed(patched(good, HEADER + 24 * NODES + 8, struct.pack('<Q', section(good, NODES)[0] + 8))),
        'string-twice-fixed.snapshot': fixed(patched(good, twice[1][1], twice[0][0])),
        'unknown-not-object-fixed.snapshot': fixed(patched(good, unknown, b'[')),
        'record-subject-fixed.snapshot': fixed(with_record(good, 1, subject=100000)),
        'record-date-fixed.snapshot': fixed(with_record(good, undated, start=(2001 << 18) | (13 << 14))),
        'record-inexact-date-fixed.snapshot': fixed(with_record(good, undated, start=(2001 << 18) | 7)),
        'record-role-fixed.snapshot': fixed(with_record(good, 1, role=1000)),
        'record-extra-shared-fixed.snapshot': fixed(with_record(good, 0, extra=1)),
        'adjacency-order-fixed.snapshot':
            fixed(patched(good, adjacency, good[adjacency + 8:adjacency + 16] + good[adjacency:adjacency + 8])),
        'words-damaged-fixed.snapshot': fixed(patched(good, words, struct.pack('<I', 1))),
    }
    assert words_size > 4
    for name, data in bad.items():
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(data)
    return 0


if __name__ == '__main__':
    sys.exit(main())
