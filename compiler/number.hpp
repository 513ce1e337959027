// Scheme numbers as the compiler sees them: exact rationals, flonums and
// complex numbers with parts of those.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "bignum.hpp"

namespace eshkol {

struct Number {
    bool exact = true;
    BigInt num;        // exact: numerator, sign carried here
    BigInt den = 1;    // exact: denominator, > 0, gcd(num, den) == 1
    double flo = 0.0;  // inexact: the value
    // A complex number: its two real parts, both exact or both inexact
    // (exact is theirs), the imaginary part not exact 0. With polar set they
    // are the magnitude and angle of <real>@<real>, which the program
    // converts at run time with the runtime's own sin and cos.
    std::shared_ptr<const std::pair<Number, Number>> parts;
    bool polar = false;

    static Number integer(BigInt n);
    static Number rational(BigInt n, BigInt d);  // normalises; d != 0
    static Number flonum(double d);
    // re + im i as the runtime normalises it: an exact im of 0 gives re;
    // mixed exactness makes both parts inexact.
    static Number rectangular(Number re, Number im);
    static Number polar_form(Number magnitude, Number angle);
    bool is_complex() const { return parts != nullptr; }
    bool is_real() const { return !parts; }
    bool is_integer() const;       // exact integer or integral flonum
    bool is_exact_integer() const { return !parts && exact && den == BigInt(1); }
    bool is_flonum() const { return !parts && !exact; }
};

// Same number and exactness (eqv? on numbers).
bool eqv(const Number& a, const Number& b);

// What went wrong when text that looks like a number is not one.
enum class NumberError { none, malformed };

// Parses R7RS numeric syntax (prefixes #x #b #o #d #e #i in either order,
// integers, decimals, exponents, rationals, +inf.0 -inf.0 +nan.0 -nan.0, and
// the complex forms a+bi a-i +bi +i a@b).
// Returns nullopt when the text is not a number at all; sets *error when it
// clearly meant to be one (starts like a number) but is malformed.
std::optional<Number> parse_number(std::string_view text, int default_radix,
                                   NumberError* error);

// Scheme external representation: "42", "-7/2", "0.30000000000000004",
// "100.0", "+inf.0", "+nan.0", "1e+21".
std::string number_to_string(const Number& n, int radix = 10);
std::string flonum_to_string(double d);

}  // namespace eshkol
