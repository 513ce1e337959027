// Scheme numbers as the compiler sees them: exact rationals and flonums.
#pragma once

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

    static Number integer(BigInt n);
    static Number rational(BigInt n, BigInt d);  // normalises; d != 0
    static Number flonum(double d);
    bool is_integer() const;       // exact integer or integral flonum
    bool is_exact_integer() const { return exact && den == BigInt(1); }
};

// What went wrong when text that looks like a number is not one.
enum class NumberError { none, malformed, complex_unsupported };

// Parses R7RS numeric syntax (prefixes #x #b #o #d #e #i in either order,
// integers, decimals, exponents, rationals, +inf.0 -inf.0 +nan.0 -nan.0).
// Returns nullopt when the text is not a number at all; sets *error when it
// clearly meant to be one (starts like a number) but is malformed.
std::optional<Number> parse_number(std::string_view text, int default_radix,
                                   NumberError* error);

// Scheme external representation: "42", "-7/2", "0.30000000000000004",
// "100.0", "+inf.0", "+nan.0", "1e+21".
std::string number_to_string(const Number& n, int radix = 10);
std::string flonum_to_string(double d);

}  // namespace eshkol
