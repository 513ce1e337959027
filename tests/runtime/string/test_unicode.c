/* test_unicode.c - every code point's classes and case mappings against the Unicode Character Database text files.
 *
 * Usage: test_unicode UCD-DIR (Debian's unicode-data: /usr/share/unicode).
 * The runtime's tables are packed by tools/gen_unicode.py; this reads the
 * same files independently, in C, and compares all 1,114,112 code points. */
#include "eshkol.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>


#define CODE_POINTS 0x110000u

enum { ALPHA = 1, UPPER = 2, LOWER = 4, WHITE = 8, CASED = 16, IGNORABLE = 32 };

typedef struct ucd {
    uint8_t *flags;
    int8_t *digit;
    uint32_t *upcase, *downcase, *foldcase;
    uint32_t (*full_up)[4], (*full_down)[4], (*full_fold)[4]; /* [0]: count, 0 when none */
} ucd;

static const char *ucd_dir;

/* Calls line(fields, n, data) for each data line of the file, comments cut
 * and fields split at ';' with surrounding blanks trimmed. */
static int each_line(const char *name, void (*line)(char **fields, int n, ucd *u), ucd *u) {
    char path[1024], buf[1024];
    snprintf(path, sizeof path, "%s/%s", ucd_dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 0;
    }
    while (fgets(buf, sizeof buf, f)) {
        char *fields[16], *p = buf;
        int n = 0;
        buf[strcspn(buf, "#\n")] = 0;
        if (!buf[strspn(buf, " ")]) continue;
        while (n < 16) {
            char *end = strchr(p, ';');
            if (end) *end = 0;
            while (*p == ' ') ++p;
            size_t len = strlen(p);
            while (len && p[len - 1] == ' ') p[--len] = 0;
            fields[n++] = p;
            if (!end) break;
            p = end + 1;
        }
        line(fields, n, u);
    }
    fclose(f);
    return 1;
}

/* "0041" or "0041..005A" */
static void code_range(const char *text, uint32_t *first, uint32_t *last) {
    char *end;
    *first = *last = (uint32_t)strtoul(text, &end, 16);
    if (end[0] == '.' && end[1] == '.') *last = (uint32_t)strtoul(end + 2, NULL, 16);
}

/* "0053 0053" -> {2, 0x53, 0x53} */
static void code_list(const char *text, uint32_t out[4]) {
    char *end;
    out[0] = 0;
    while (*text && out[0] < 3) {
        out[++out[0]] = (uint32_t)strtoul(text, &end, 16);
        if (end == text) break;
        text = end;
    }
}

static void unicode_data_line(char **f, int n, ucd *u) {
    static uint32_t range_first;
    uint32_t c = (uint32_t)strtoul(f[0], NULL, 16);
    (void)n;
    if (strstr(f[1], ", First>")) range_first = c;
    uint32_t first = strstr(f[1], ", Last>") ? range_first : c;
    for (uint32_t d = first; d <= c; ++d) {
        if (strcmp(f[2], "Nd") == 0) u->digit[d] = (int8_t)atoi(f[6]);
        if (f[12][0]) u->upcase[d] = (uint32_t)strtoul(f[12], NULL, 16);
        if (f[13][0]) u->downcase[d] = (uint32_t)strtoul(f[13], NULL, 16);
    }
}

static void property_line(char **f, int n, ucd *u) {
    static const struct {
        const char *name;
        uint8_t flag;
    } props[] = {{"Alphabetic", ALPHA}, {"Uppercase", UPPER}, {"Lowercase", LOWER},
                 {"White_Space", WHITE}, {"Cased", CASED}, {"Case_Ignorable", IGNORABLE}};
    uint32_t first, last;
    if (n < 2) return;
    for (size_t k = 0; k < sizeof props / sizeof props[0]; ++k) {
        if (strcmp(f[1], props[k].name) != 0) continue;
        code_range(f[0], &first, &last);
        for (uint32_t c = first; c <= last; ++c) u->flags[c] |= props[k].flag;
    }
}

static void case_folding_line(char **f, int n, ucd *u) {
    uint32_t c = (uint32_t)strtoul(f[0], NULL, 16), to[4];
    (void)n;
    code_list(f[2], to);
    if (f[1][0] == 'C' || f[1][0] == 'S') u->foldcase[c] = to[1];
    if (f[1][0] == 'F') memcpy(u->full_fold[c], to, sizeof to);
}

static void special_casing_line(char **f, int n, ucd *u) {
    uint32_t c = (uint32_t)strtoul(f[0], NULL, 16), to[4];
    if (n > 4 && f[4][0]) return; /* conditional */
    code_list(f[1], to);
    if (to[0] > 1) memcpy(u->full_down[c], to, sizeof to);
    code_list(f[3], to);
    if (to[0] > 1) memcpy(u->full_up[c], to, sizeof to);
}

static int load(ucd *u) {
    u->flags = calloc(CODE_POINTS, 1);
    u->digit = malloc(CODE_POINTS);
    u->upcase = malloc(CODE_POINTS * sizeof(uint32_t));
    u->downcase = malloc(CODE_POINTS * sizeof(uint32_t));
    u->foldcase = malloc(CODE_POINTS * sizeof(uint32_t));
    u->full_up = calloc(CODE_POINTS, sizeof *u->full_up);
    u->full_down = calloc(CODE_POINTS, sizeof *u->full_down);
    u->full_fold = calloc(CODE_POINTS, sizeof *u->full_fold);
    memset(u->digit, -1, CODE_POINTS);
    for (uint32_t c = 0; c < CODE_POINTS; ++c) u->upcase[c] = u->downcase[c] = u->foldcase[c] = c;
    return each_line("UnicodeData.txt", unicode_data_line, u) &&
           each_line("DerivedCoreProperties.txt", property_line, u) &&
           each_line("PropList.txt", property_line, u) && each_line("CaseFolding.txt", case_folding_line, u) &&
           each_line("SpecialCasing.txt", special_casing_line, u);
}

static void release(ucd *u) {
    free(u->flags);
    free(u->digit);
    free(u->upcase);
    free(u->downcase);
    free(u->foldcase);
    free(u->full_up);
    free(u->full_down);
    free(u->full_fold);
}

/* Full mapping: the listed code points, else the simple mapping alone. */
static int full_matches(int (*full)(uint32_t, uint32_t[3]), uint32_t c, const uint32_t expected[4],
                        uint32_t simple) {
    uint32_t out[3];
    int n = full(c, out);
    if (expected[0] == 0) return n == 1 && out[0] == simple;
    return n == (int)expected[0] && memcmp(out, expected + 1, (size_t)n * sizeof(uint32_t)) == 0;
}

static void compare(const ucd *u) {
    unsigned long wrong[12] = {0};
    for (uint32_t c = 0; c < CODE_POINTS; ++c) {
        uint8_t fl = u->flags[c];
        wrong[0] += !esk_uni_is_alphabetic(c) != !(fl & ALPHA);
        wrong[1] += !esk_uni_is_upper(c) != !(fl & UPPER);
        wrong[2] += !esk_uni_is_lower(c) != !(fl & LOWER);
        wrong[3] += !esk_uni_is_white_space(c) != !(fl & WHITE);
        wrong[4] += !esk_uni_is_cased(c) != !(fl & CASED);
        wrong[5] += !esk_uni_is_case_ignorable(c) != !(fl & IGNORABLE);
        wrong[6] += esk_uni_digit_value(c) != u->digit[c];
        wrong[7] += esk_uni_upcase(c) != u->upcase[c];
        wrong[8] += esk_uni_downcase(c) != u->downcase[c];
        wrong[9] += esk_uni_foldcase(c) != u->foldcase[c];
        wrong[10] += !full_matches(esk_uni_full_upcase, c, u->full_up[c], u->upcase[c]) +
                     !full_matches(esk_uni_full_downcase, c, u->full_down[c], u->downcase[c]);
        wrong[11] += !full_matches(esk_uni_full_foldcase, c, u->full_fold[c], u->foldcase[c]);
    }
    for (int k = 0; k < 12; ++k) {
        if (wrong[k]) fprintf(stderr, "property/mapping %d: %lu code points differ\n", k, wrong[k]);
        CHECK_EQ_U(wrong[k], 0);
    }
}

/* A few by hand, so a wrong reading of the files cannot hide both sides. */
static void samples(void) {
    CHECK_EQ_U(esk_uni_upcase(0x3BB), 0x39B);   /* λ -> Λ */
    CHECK_EQ_U(esk_uni_downcase(0xC9), 0xE9);   /* É -> é */
    CHECK_EQ_U(esk_uni_upcase(0xDF), 0xDF);     /* ß has no simple uppercase */
    CHECK_EQ_U(esk_uni_foldcase(0x3C2), 0x3C3); /* ς folds to σ */
    CHECK_EQ_U(esk_uni_foldcase(0x13A0), 0x13A0); /* Cherokee folds to upper: itself */
    CHECK_EQ_U(esk_uni_foldcase(0xAB70), 0x13A0);
    CHECK_EQ_U(esk_uni_upcase(0x10428), 0x10400); /* Deseret, outside the BMP */
    CHECK_EQ_U(esk_uni_digit_value(0x664), 4);    /* Arabic-Indic four */
    CHECK_EQ_U(esk_uni_digit_value(0x1D7D9), 1);  /* mathematical double-struck one */
    CHECK(esk_uni_digit_value(0xBD) == -1);       /* ½ is numeric, not a digit */
    CHECK(esk_uni_is_alphabetic(0x4E00) && esk_uni_is_alphabetic(0x3BB) && !esk_uni_is_alphabetic('1'));
    CHECK(esk_uni_is_white_space(0x3000) && esk_uni_is_white_space(0x85) && !esk_uni_is_white_space(0x200B));
    CHECK(esk_uni_is_upper(0x2160) && esk_uni_is_lower(0x2170)); /* Roman numerals */
    CHECK(esk_uni_is_upper(0x1D400) && !esk_uni_is_lower(0x1D400)); /* mathematical bold A */
    CHECK(!esk_uni_is_upper(0x1C5) && !esk_uni_is_lower(0x1C5) && esk_uni_is_cased(0x1C5)); /* Dž */
}

int main(int argc, char **argv) {
    ucd u;
    ucd_dir = argc > 1 ? argv[1] : "/usr/share/unicode";
    samples();
    if (!load(&u)) {
        release(&u);
        return 1;
    }
    compare(&u);
    release(&u);
    return check_report("test_unicode");
}
