// Scheme numbers: R7RS numeric syntax in, exact rationals and flonums out.
//
// parse_number follows R7RS 7.1.1 <number> exactly (it is also the model
// for string->number). Conversions to double are correctly rounded: every
// inexact value is computed from the exact rational the digits denote.
#include "number.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace eshkol {

namespace {
double ratio_to_double(const BigInt& n, const BigInt& d);
}

// ---- Number -----------------------------------------------------------------

Number Number::integer(BigInt n) {
    Number r;
    r.num = std::move(n);
    return r;
}

Number Number::rational(BigInt n, BigInt d) {
    if (d.negative()) {
        n = -n;
        d = -d;
    }
    BigInt g = BigInt::gcd(n, d);
    Number r;
    if (!(g == BigInt(1)) && !g.is_zero()) {
        BigInt rem;
        BigInt::divmod(n, g, r.num, rem);
        BigInt::divmod(d, g, r.den, rem);
    } else {
        r.num = std::move(n);
        r.den = std::move(d);
    }
    if (r.num.is_zero()) r.den = 1;
    return r;
}

Number Number::flonum(double d) {
    Number r;
    r.exact = false;
    r.flo = d;
    return r;
}

Number Number::rectangular(Number re, Number im) {
    if (im.exact && im.num.is_zero()) return re;  // (real? -2.5+0i) is #t
    auto inexact = [](Number n) {
        if (n.exact) n = Number::flonum(ratio_to_double(n.num, n.den));
        return n;
    };
    if (re.exact != im.exact) {
        re = inexact(std::move(re));
        im = inexact(std::move(im));
    }
    Number r;
    r.exact = re.exact;
    r.parts = std::make_shared<const std::pair<Number, Number>>(std::move(re), std::move(im));
    return r;
}

Number Number::polar_form(Number magnitude, Number angle) {
    if (angle.exact && angle.num.is_zero()) return magnitude;
    Number r;
    r.exact = false;
    r.polar = true;
    r.parts = std::make_shared<const std::pair<Number, Number>>(std::move(magnitude), std::move(angle));
    return r;
}

bool eqv(const Number& a, const Number& b) {
    if (a.is_complex() || b.is_complex())
        return a.is_complex() && b.is_complex() && a.polar == b.polar && eqv(a.parts->first, b.parts->first) &&
               eqv(a.parts->second, b.parts->second);
    if (a.exact != b.exact) return false;
    if (a.exact) return a.num == b.num && a.den == b.den;
    return std::signbit(a.flo) == std::signbit(b.flo) && (a.flo == b.flo || (std::isnan(a.flo) && std::isnan(b.flo)));
}

bool Number::is_integer() const {
    if (parts) return false;
    if (exact) return den == BigInt(1);
    return std::isfinite(flo) && flo == std::floor(flo);
}

// ---- Exact to inexact -------------------------------------------------------

namespace {

// Bits in the magnitude of x (0 for zero).
int64_t bit_length(const BigInt& x) {
    if (x.is_zero()) return 0;
    std::string hex = x.to_string(16);
    size_t first = x.negative() ? 1 : 0;
    char top = hex[first];
    int top_value = top <= '9' ? top - '0' : top - 'a' + 10;
    int top_bits = 0;
    while (top_value) {
        ++top_bits;
        top_value >>= 1;
    }
    return int64_t(hex.size() - first - 1) * 4 + top_bits;
}

BigInt power_of_two(int64_t k) { return BigInt::pow(BigInt(2), uint32_t(k)); }

// n / d rounded to the nearest double, ties to even. n >= 0, d > 0.
// E = floor(log2(n/d)) fixes the weight U of the result's last bit; then
// q = floor(n/d / 2^U) has at most 53 bits and one division rounds it.
double positive_ratio_to_double(const BigInt& n, const BigInt& d) {
    if (n.is_zero()) return 0.0;
    int64_t e = bit_length(n) - bit_length(d);  // n/d in [2^(e-1), 2^(e+1))
    if (e > 1025) return HUGE_VAL;
    if (e < -1080) return 0.0;
    bool below = e >= 0 ? compare(n, d * power_of_two(e)) < 0
                        : compare(n * power_of_two(-e), d) < 0;
    int64_t exponent = below ? e - 1 : e;  // 2^exponent <= n/d
    if (exponent > 1023) return HUGE_VAL;
    int64_t ulp = std::max<int64_t>(exponent - 52, -1074);
    BigInt scaled_n = ulp < 0 ? n * power_of_two(-ulp) : n;
    BigInt scaled_d = ulp > 0 ? d * power_of_two(ulp) : d;
    BigInt q, r;
    BigInt::divmod(scaled_n, scaled_d, q, r);
    int64_t mantissa = q.to_int64();
    int half = compare(r + r, scaled_d);
    if (half > 0 || (half == 0 && (mantissa & 1))) ++mantissa;
    return std::ldexp(double(mantissa), int(ulp));
}

double ratio_to_double(const BigInt& n, const BigInt& d) {
    double mag = positive_ratio_to_double(n.negative() ? -n : n, d);
    return n.negative() ? -mag : mag;
}

// ---- Parsing ----------------------------------------------------------------

// Longest accepted numeric text: BigInt conversion is quadratic in the
// number of digits, and exponents beyond this bound are not useful exactly.
constexpr size_t max_number_length = 100000;
constexpr int64_t max_exact_exponent = 10000;

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool is_radix_digit(char c, int radix) {
    c = lower(c);
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
    return v < radix;
}

bool starts_with_nocase(std::string_view s, size_t at, std::string_view word) {
    if (s.size() - at < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
        if (lower(s[at + i]) != word[i]) return false;
    }
    return true;
}

// What a <real R> spelled, before exactness is applied.
struct RealSyntax {
    enum Form { integer, ratio, decimal, infinity, nan } form = integer;
    bool negative = false;
    std::string_view digits;       // integer, ratio numerator, decimal integral part
    std::string_view fraction;     // decimal: digits after '.'
    std::string_view denominator;  // ratio
    int64_t exponent = 0;          // decimal: value of the e suffix (clamped)
};

// <digit R>*, advancing pos.
std::string_view scan_digits(std::string_view s, size_t& pos, int radix) {
    size_t start = pos;
    while (pos < s.size() && is_radix_digit(s[pos], radix)) ++pos;
    return s.substr(start, pos - start);
}

// <suffix> → <empty> | e <sign> <digit 10>+ ; false if 'e' lacks digits.
bool scan_exponent(std::string_view s, size_t& pos, int64_t& exponent) {
    if (pos >= s.size() || lower(s[pos]) != 'e') return true;
    size_t p = pos + 1;
    bool negative = p < s.size() && s[p] == '-';
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
    std::string_view digits = scan_digits(s, p, 10);
    if (digits.empty()) return false;
    int64_t value = 0;
    for (char c : digits) value = std::min<int64_t>(value * 10 + (c - '0'), 1000000000);
    exponent = negative ? -value : value;
    pos = p;
    return true;
}

// <ureal R> → <uinteger R> | <uinteger R> / <uinteger R> | <decimal R>
// <decimal 10> → <uinteger 10> <suffix> | . <digit 10>+ <suffix>
//              | <digit 10>+ . <digit 10>* <suffix>
bool scan_ureal(std::string_view s, size_t& pos, int radix, RealSyntax& out) {
    size_t p = pos;
    out.digits = scan_digits(s, p, radix);
    if (!out.digits.empty() && p < s.size() && s[p] == '/') {
        ++p;
        out.denominator = scan_digits(s, p, radix);
        if (out.denominator.empty()) return false;
        out.form = RealSyntax::ratio;
        pos = p;
        return true;
    }
    if (radix == 10 && p < s.size() && s[p] == '.') {
        ++p;
        out.fraction = scan_digits(s, p, 10);
        if (out.digits.empty() && out.fraction.empty()) return false;
        out.form = RealSyntax::decimal;
    } else if (out.digits.empty()) {
        return false;
    }
    if (radix == 10) {
        size_t before = p;
        if (!scan_exponent(s, p, out.exponent)) return false;
        if (p != before) out.form = RealSyntax::decimal;
    }
    pos = p;
    return true;
}

// <real R> → <sign> <ureal R> | + <naninf> | - <naninf>
bool scan_real(std::string_view s, size_t& pos, int radix, RealSyntax& out) {
    size_t p = pos;
    bool has_sign = p < s.size() && (s[p] == '+' || s[p] == '-');
    out = RealSyntax{};
    out.negative = has_sign && s[p] == '-';
    if (has_sign) ++p;
    if (has_sign && (starts_with_nocase(s, p, "inf.0") || starts_with_nocase(s, p, "nan.0"))) {
        out.form = lower(s[p]) == 'i' ? RealSyntax::infinity : RealSyntax::nan;
        pos = p + 5;
        return true;
    }
    if (!scan_ureal(s, p, radix, out)) return false;
    pos = p;
    return true;
}

// The exact value of a decimal: (digits.fraction) * 10^exponent.
std::optional<Number> exact_decimal(const RealSyntax& r) {
    std::string all(r.digits);
    all += r.fraction;
    BigInt mantissa = *BigInt::parse(all.empty() ? "0" : all, 10);
    int64_t scale = r.exponent - int64_t(r.fraction.size());
    if (mantissa.is_zero()) return Number::integer(0);
    if (scale > max_exact_exponent || scale < -max_exact_exponent) return std::nullopt;
    BigInt ten_power = BigInt::pow(BigInt(10), uint32_t(scale < 0 ? -scale : scale));
    if (scale >= 0) return Number::integer(mantissa * ten_power);
    return Number::rational(mantissa, ten_power);
}

// The nearest double to a decimal, without building huge powers of ten.
double inexact_decimal(const RealSyntax& r) {
    std::string all(r.digits);
    all += r.fraction;
    size_t lead = all.find_first_not_of('0');
    if (lead == std::string::npos) return 0.0;
    // value = 0.d1d2... * 10^magnitude, d1 != 0
    int64_t magnitude = int64_t(r.digits.size()) - int64_t(lead) + r.exponent;
    if (magnitude > 310) return HUGE_VAL;
    if (magnitude < -330) return 0.0;
    BigInt mantissa = *BigInt::parse(std::string_view(all).substr(lead), 10);
    int64_t scale = r.exponent - int64_t(r.fraction.size());
    BigInt ten_power = BigInt::pow(BigInt(10), uint32_t(scale < 0 ? -scale : scale));
    if (scale >= 0) return (mantissa * ten_power).to_double();
    return positive_ratio_to_double(mantissa, ten_power);
}

// Applies exactness ('e', 'i' or 0 for the default) to the syntax.
std::optional<Number> make_number(const RealSyntax& r, int radix, char exactness) {
    Number result;
    switch (r.form) {
    case RealSyntax::infinity:
    case RealSyntax::nan:
        if (exactness == 'e') return std::nullopt;
        return Number::flonum(r.form == RealSyntax::nan ? std::nan("")
                              : r.negative               ? -HUGE_VAL
                                                         : HUGE_VAL);
    case RealSyntax::decimal: {
        if (exactness != 'e') {
            double d = inexact_decimal(r);
            return Number::flonum(r.negative ? -d : d);
        }
        auto exact = exact_decimal(r);
        if (!exact) return std::nullopt;
        result = *exact;
        break;
    }
    case RealSyntax::ratio: {
        BigInt den = *BigInt::parse(r.denominator, radix);
        if (den.is_zero()) return std::nullopt;
        result = Number::rational(*BigInt::parse(r.digits, radix), den);
        break;
    }
    case RealSyntax::integer:
        result = Number::integer(*BigInt::parse(r.digits, radix));
        break;
    }
    if (r.negative) result.num = -result.num;
    if (exactness != 'i') return result;
    double d = ratio_to_double(result.num, result.den);
    return Number::flonum(r.negative && d == 0.0 ? -0.0 : d);
}

// A <real R> that is all of s, with exactness applied; nullopt otherwise
// (*malformed set when it was a real whose value cannot be made).
std::optional<Number> real_text(std::string_view s, int radix, char exactness, bool* malformed) {
    RealSyntax real;
    size_t pos = 0;
    if (s.empty() || !scan_real(s, pos, radix, real) || pos != s.size()) return std::nullopt;
    auto value = make_number(real, radix, exactness);
    if (!value) *malformed = true;
    return value;
}

// The other forms of <complex R> (after the prefix): <real>@<real>,
// <real>+<ureal>i, <real>-i, +<ureal>i, +i, +inf.0i ... The imaginary part
// starts at the last sign that does not begin the text or an exponent (in
// radix 10 'e' marks an exponent, elsewhere it is a digit). As the runtime's
// esk_num_parse_complex does, so that literals and string->number agree.
std::optional<Number> complex_text(std::string_view s, int radix, char exactness, bool* malformed) {
    if (size_t at = s.find('@'); at != std::string_view::npos) {
        auto m = real_text(s.substr(0, at), radix, exactness, malformed);
        auto a = real_text(s.substr(at + 1), radix, exactness, malformed);
        if (!m || !a) return std::nullopt;
        return Number::polar_form(std::move(*m), std::move(*a));
    }
    if (s.size() < 2 || lower(s.back()) != 'i') return std::nullopt;
    s.remove_suffix(1);
    size_t split = 0;
    for (size_t i = s.size(); i-- > 1;) {
        if ((s[i] == '+' || s[i] == '-') && !(radix == 10 && lower(s[i - 1]) == 'e')) {
            split = i;
            break;
        }
    }
    std::optional<Number> re = Number::integer(0);
    if (split > 0) re = real_text(s.substr(0, split), radix, exactness, malformed);
    std::string_view im_text = s.substr(split);
    if (!re || (im_text[0] != '+' && im_text[0] != '-')) return std::nullopt;
    std::optional<Number> im = im_text.size() == 1 ? Number::integer(im_text[0] == '+' ? 1 : -1)
                                                    : real_text(im_text, radix, exactness, malformed);
    if (!im) return std::nullopt;
    if (exactness == 'i') {
        if (re->exact) re = Number::flonum(ratio_to_double(re->num, re->den));
        if (im->exact) im = Number::flonum(ratio_to_double(im->num, im->den));
    }
    return Number::rectangular(std::move(*re), std::move(*im));
}

// <prefix R> → <radix R> <exactness> | <exactness> <radix R>. Returns false
// for a repeated or unknown marker; prefix_length counts consumed chars.
bool scan_prefix(std::string_view s, size_t& prefix_length, int& radix, char& exactness) {
    bool radix_seen = false;
    size_t& p = prefix_length;
    p = 0;
    while (p + 1 < s.size() && s[p] == '#') {
        char c = lower(s[p + 1]);
        int r = c == 'x' ? 16 : c == 'b' ? 2 : c == 'o' ? 8 : c == 'd' ? 10 : 0;
        if (r) {
            if (radix_seen) return false;
            radix_seen = true;
            radix = r;
        } else if (c == 'e' || c == 'i') {
            if (exactness) return false;
            exactness = c;
        } else {
            return false;
        }
        p += 2;
    }
    return true;
}

// Does the text start the way only a number can (so a failure to parse it
// is a malformed number rather than an identifier or other syntax)?
bool looks_numeric(std::string_view s, int radix) {
    size_t p = 0;
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
    if (p < s.size() && s[p] == '.') ++p;
    return p < s.size() && (radix == 10 ? s[p] >= '0' && s[p] <= '9' : is_radix_digit(s[p], radix));
}

}  // namespace

std::optional<Number> parse_number(std::string_view text, int default_radix,
                                   NumberError* error) {
    NumberError dummy;
    NumberError& err = error ? *error : dummy;
    err = NumberError::none;
    int radix = default_radix;
    char exactness = 0;
    size_t prefix_length = 0;
    bool prefix_ok = scan_prefix(text, prefix_length, radix, exactness);
    std::string_view body = text.substr(prefix_length);
    bool numeric = prefix_length > 0 || looks_numeric(body, radix);
    if (!prefix_ok || body.empty()) {
        // "#foo" is other syntax; "#x", "#e#q", "#x#x1" meant to be numbers.
        if (prefix_length > 0) err = NumberError::malformed;
        return std::nullopt;
    }
    bool malformed = false;
    if (text.size() <= max_number_length) {
        if (auto value = real_text(body, radix, exactness, &malformed)) return value;
        if (!malformed)
            if (auto value = complex_text(body, radix, exactness, &malformed)) return value;
    }
    if (numeric || malformed) err = NumberError::malformed;
    return std::nullopt;
}

// ---- Printing ---------------------------------------------------------------

std::string flonum_to_string(double d) {
    if (std::isnan(d)) return "+nan.0";
    if (std::isinf(d)) return d > 0 ? "+inf.0" : "-inf.0";
    std::string s = fmt::format("{}", d);  // shortest text that reads back
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::string number_to_string(const Number& n, int radix) {
    if (n.polar) return number_to_string(n.parts->first, radix) + "@" + number_to_string(n.parts->second, radix);
    if (n.parts) {  // as the runtime writes it (esk_cpx_to_cstring)
        const Number& re = n.parts->first;
        const Number& im = n.parts->second;
        std::string s = re.exact && re.num.is_zero() ? "" : number_to_string(re, radix);
        if (im.exact && im.den == BigInt(1) && (im.num == BigInt(1) || im.num == BigInt(-1)))
            return s + (im.num == BigInt(1) ? "+i" : "-i");
        std::string i = number_to_string(im, radix);
        if (i[0] != '-' && i[0] != '+') s += '+';
        return s + i + "i";
    }
    if (!n.exact) return flonum_to_string(n.flo);
    std::string s = n.num.to_string(radix);
    if (!(n.den == BigInt(1))) s += "/" + n.den.to_string(radix);
    return s;
}

}  // namespace eshkol
