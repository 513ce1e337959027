#!/usr/bin/env python3
"""Generates runtime/esk_unicode.c: the Unicode character data the runtime's
(scheme char) procedures need, from the Unicode Character Database files of
Debian's unicode-data package (/usr/share/unicode).

Run by a meson custom_target into the build tree; never commit its output.

What the C file holds, and how it stays small (about 42 KB of text):

  ranges      sorted uint32 words, each start << 11 | (length - 1); a range
              longer than 2048 code points takes several words. Used for
              Alphabetic, White_Space, Nd (decimal digits), Case_Ignorable,
              and the corrections below.
  case runs   simple case mappings as runs of code points start, start+stride,
              ... (stride 1 or 2) that all map by the same delta: packed
              start | (stride == 2) << 21 | (count - 1) << 22, then delta.
  specials    full mappings that produce two or three code points
              (SpecialCasing.txt without conditions, CaseFolding.txt status F).

Uppercase and Lowercase are not stored as such: a code point with a simple
lowercase mapping is almost always Uppercase, one with an uppercase mapping
almost always Lowercase. Only the differences are stored (uppercase_extra,
uppercase_except, ...), and this script checks that the formula the C code
uses reproduces both properties for every code point.
"""
import argparse
import os
import re

MAX_CODE_POINT = 0x10FFFF
RANGE_LENGTH_BITS = 11
RUN_COUNT_LIMIT = 1 << 10


def read_fields(path):
    """Yields the ;-separated fields of each data line, comments removed."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def code_points(text):
    """'0041' -> {0x41}; '0041..0043' -> {0x41, 0x42, 0x43}."""
    first, _, last = text.partition("..")
    return range(int(first, 16), int(last or first, 16) + 1)


def read_properties(path, wanted):
    found = {name: set() for name in wanted}
    for fields in read_fields(path):
        if fields[1] in found:
            found[fields[1]].update(code_points(fields[0]))
    return found


def read_unicode_data(path):
    """Code point -> fields of UnicodeData.txt, with <..., First>/<..., Last>
    pairs expanded (only the general category matters for those)."""
    data, first = {}, None
    for fields in read_fields(path):
        c = int(fields[0], 16)
        if fields[1].endswith(", First>"):
            first = c
        elif fields[1].endswith(", Last>"):
            for d in range(first, c + 1):
                data[d] = fields
        else:
            data[c] = fields
    return data


def read_case_folding(path):
    simple, full = {}, {}
    for fields in read_fields(path):
        c, status = int(fields[0], 16), fields[1]
        to = [int(x, 16) for x in fields[2].split()]
        if status in ("C", "S"):
            simple[c] = to[0]
        if status in ("C", "F"):
            full[c] = to
    return simple, full


def read_special_casing(path):
    """Unconditional SpecialCasing entries: code point -> (lower, upper)."""
    special = {}
    for fields in read_fields(path):
        if len(fields) > 4 and fields[4]:
            continue  # a condition (Final_Sigma or a language): not here
        c = int(fields[0], 16)
        lower = [int(x, 16) for x in fields[1].split()]
        upper = [int(x, 16) for x in fields[3].split()]
        special[c] = (lower, upper)
    return special


def to_ranges(points):
    ranges = []
    for c in sorted(points):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return ranges


def pack_ranges(points):
    words, limit = [], 1 << RANGE_LENGTH_BITS
    for first, last in to_ranges(points):
        while first <= last:
            length = min(last - first + 1, limit)
            words.append(first << RANGE_LENGTH_BITS | (length - 1))
            first += length
    return words


def case_runs(mapping):
    """[(start, count, stride, delta)] covering every c with mapping[c] != c."""
    runs = []
    for c in sorted(mapping):
        delta = mapping[c] - c
        if delta == 0:
            continue
        if runs:
            start, count, stride, last_delta = runs[-1]
            step = c - start
            if last_delta == delta and count < RUN_COUNT_LIMIT:
                if count == 1 and step in (1, 2):
                    runs[-1] = (start, 2, step, delta)
                    continue
                if count > 1 and step == count * stride:
                    runs[-1] = (start, count + 1, stride, delta)
                    continue
        runs.append((c, 1, 1, delta))
    return runs


def check_decimal_digits(decimal, data):
    """The C code takes a digit's value as (c - range start) % 10."""
    for first, last in to_ranges(decimal):
        for c in range(first, last + 1):
            assert int(data[c][6]) == (c - first) % 10, hex(c)


def derived_case_sets(prop, mapped, name):
    """The corrections that make 'mapped' (code points with a mapping to the
    other case) into the property set: (extra, except)."""
    extra, exceptions = prop - mapped, mapped - prop
    rebuilt = (mapped - exceptions) | extra
    assert rebuilt == prop, name
    return extra, exceptions


def c_words(words, per_line=8):
    lines = []
    for i in range(0, len(words), per_line):
        lines.append("    " + " ".join(f"0x{w:08x}u," for w in words[i:i + per_line]))
    return "\n".join(lines) if lines else "    0u,"


def emit_ranges(out, name, points, why):
    words = pack_ranges(points)
    out.append(f"/* {why} */")
    out.append(f"static const uint32_t esk_ucd_{name}_words[] = {{\n{c_words(words)}\n}};")
    out.append(f"const esk_ucd_ranges esk_ucd_{name} = {{{len(words)}u, esk_ucd_{name}_words}};\n")


def emit_case_runs(out, name, mapping, why):
    runs = case_runs(mapping)
    out.append(f"/* {why} */")
    out.append(f"static const esk_ucd_case_run esk_ucd_{name}_runs[] = {{")
    items = []
    for start, count, stride, delta in runs:
        packed = start | (stride == 2) << 21 | (count - 1) << 22
        items.append(f"{{0x{packed:08x}u, {delta}}},")
    for i in range(0, len(items), 4):
        out.append("    " + " ".join(items[i:i + 4]))
    out.append("};")
    out.append(f"const esk_ucd_case_map esk_ucd_{name} = {{{len(runs)}u, esk_ucd_{name}_runs}};\n")


def emit_specials(out, name, mapping, why):
    entries = sorted((c, to) for c, to in mapping.items() if len(to) > 1)
    out.append(f"/* {why} */")
    out.append(f"static const esk_ucd_special esk_ucd_{name}_items[] = {{")
    items = []
    for c, to in entries:
        assert len(to) <= 3
        padded = to + [0] * (3 - len(to))
        items.append("{0x%x, {0x%x, 0x%x, 0x%x}}," % (c, *padded))
    for i in range(0, len(items), 3):
        out.append("    " + " ".join(items[i:i + 3]))
    out.append("};")
    out.append(f"const esk_ucd_specials esk_ucd_{name} = {{{len(entries)}u, esk_ucd_{name}_items}};\n")


def version_of(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"-(\d+\.\d+\.\d+)\.txt", f.readline())
    return m.group(1) if m else "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ucd", default="/usr/share/unicode", help="folder of the UCD files")
    ap.add_argument("--output", required=True)
    args = ap.parse_args()
    ucd = lambda name: os.path.join(args.ucd, name)

    data = read_unicode_data(ucd("UnicodeData.txt"))
    core = read_properties(ucd("DerivedCoreProperties.txt"),
                           ["Alphabetic", "Uppercase", "Lowercase", "Cased", "Case_Ignorable"])
    white = read_properties(ucd("PropList.txt"), ["White_Space"])["White_Space"]
    upper = {c: int(f[12], 16) for c, f in data.items() if f[12]}
    lower = {c: int(f[13], 16) for c, f in data.items() if f[13]}
    fold, full_fold = read_case_folding(ucd("CaseFolding.txt"))
    special = read_special_casing(ucd("SpecialCasing.txt"))
    decimal = {c for c, f in data.items() if f[2] == "Nd"}
    check_decimal_digits(decimal, data)

    has_lower = {c for c, to in lower.items() if to != c}
    has_upper = {c for c, to in upper.items() if to != c}
    up_extra, up_except = derived_case_sets(core["Uppercase"], has_lower, "Uppercase")
    low_extra, low_except = derived_case_sets(core["Lowercase"], has_upper, "Lowercase")
    cased_extra = core["Cased"] - core["Uppercase"] - core["Lowercase"]

    version = version_of(ucd("DerivedCoreProperties.txt"))
    out = [f"/* esk_unicode.c - Unicode {version} character data for (scheme char); "
           "generated by tools/gen_unicode.py, do not edit. */",
           '#include "eshkol.h"', ""]
    emit_ranges(out, "alphabetic", core["Alphabetic"], "Alphabetic (DerivedCoreProperties.txt)")
    emit_ranges(out, "white_space", white, "White_Space (PropList.txt)")
    emit_ranges(out, "decimal", decimal, "general category Nd; a digit's value is (c - range start) % 10")
    emit_ranges(out, "uppercase_extra", up_extra, "Uppercase without a lowercase mapping")
    emit_ranges(out, "uppercase_except", up_except, "not Uppercase, yet with a lowercase mapping")
    emit_ranges(out, "lowercase_extra", low_extra, "Lowercase without an uppercase mapping")
    emit_ranges(out, "lowercase_except", low_except, "not Lowercase, yet with an uppercase mapping")
    emit_ranges(out, "cased_extra", cased_extra, "Cased, neither Uppercase nor Lowercase (titlecase)")
    emit_ranges(out, "case_ignorable", core["Case_Ignorable"], "Case_Ignorable (for the final sigma rule)")
    emit_case_runs(out, "upcase", upper, "simple uppercase mappings (UnicodeData.txt)")
    emit_case_runs(out, "downcase", lower, "simple lowercase mappings (UnicodeData.txt)")
    emit_case_runs(out, "foldcase", fold, "simple case folding (CaseFolding.txt, status C and S)")
    emit_specials(out, "full_upcase", {c: u for c, (_, u) in special.items()},
                  "uppercase mappings to several code points (SpecialCasing.txt)")
    emit_specials(out, "full_downcase", {c: low for c, (low, _) in special.items()},
                  "lowercase mappings to several code points (SpecialCasing.txt)")
    emit_specials(out, "full_foldcase", full_fold, "full case folding (CaseFolding.txt, status F)")
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
