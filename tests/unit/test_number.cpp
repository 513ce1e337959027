// Numbers: R7RS numeric syntax, exactness, correct rounding, printing.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "number.hpp"

using namespace eshkol;

namespace {

// The number's printed form, or "error:malformed" / "not a number".
std::string parsed(std::string_view text, int radix = 10) {
    NumberError problem = NumberError::malformed;  // must be reset by parse_number
    auto n = parse_number(text, radix, &problem);
    if (n) return problem == NumberError::none ? number_to_string(*n) : "inconsistent";
    switch (problem) {
    case NumberError::malformed: return "error:malformed";
    case NumberError::none: return "not a number";
    }
    return "?";
}

double flo(std::string_view text) {
    auto n = parse_number(text, 10, nullptr);
    REQUIRE(n.has_value());
    REQUIRE_FALSE(n->exact);
    return n->flo;
}

}  // namespace

TEST_CASE("parse_number: integers and rationals") {
    CHECK(parsed("0") == "0");
    CHECK(parsed("42") == "42");
    CHECK(parsed("+42") == "42");
    CHECK(parsed("-42") == "-42");
    CHECK(parsed("-0") == "0");
    CHECK(parsed("007") == "7");
    CHECK(parsed("123456789012345678901234567890") == "123456789012345678901234567890");
    CHECK(parsed("1/2") == "1/2");
    CHECK(parsed("6/4") == "3/2");
    CHECK(parsed("-6/4") == "-3/2");
    CHECK(parsed("+6/3") == "2");
    CHECK(parsed("0/7") == "0");
    auto half = parse_number("-2/4", 10, nullptr);
    REQUIRE(half);
    CHECK(half->exact);
    CHECK(half->num == BigInt(-1));
    CHECK(half->den == BigInt(2));
}

TEST_CASE("parse_number: decimals and exponents") {
    CHECK(parsed("1.5") == "1.5");
    CHECK(parsed(".5") == "0.5");
    CHECK(parsed("5.") == "5.0");
    CHECK(parsed("+.5") == "0.5");
    CHECK(parsed("-.5") == "-0.5");
    CHECK(parsed("-5.e2") == "-500.0");
    CHECK(parsed("1e21") == "1e+21");
    CHECK(parsed("1E21") == "1e+21");
    CHECK(parsed("1e-7") == "1e-07");
    CHECK(parsed("1e+2") == "100.0");
    CHECK(parsed("-0.0") == "-0.0");
    CHECK(parsed("0.0") == "0.0");
    CHECK(parsed("0.1") == "0.1");
    CHECK(parsed("0.30000000000000004") == "0.30000000000000004");
    CHECK(parsed("12345.678") == "12345.678");
    CHECK(std::signbit(flo("-0.0")));
    CHECK(std::signbit(flo("-0e5")));
    CHECK(flo("1e400") == HUGE_VAL);
    CHECK(flo("-1e400") == -HUGE_VAL);
    CHECK(flo("1e-400") == 0.0);
    CHECK(flo("1e999999999999999999") == HUGE_VAL);
    CHECK(flo("4.9e-324") == std::numeric_limits<double>::denorm_min());
    CHECK(flo("2.4703282292062328e-324") == std::numeric_limits<double>::denorm_min());
    CHECK(flo("2.4703282292062327e-324") == 0.0);  // just under half the smallest
    CHECK(flo("2.2250738585072014e-308") == std::numeric_limits<double>::min());
    CHECK(flo("1.7976931348623157e308") == std::numeric_limits<double>::max());
    CHECK(flo("1.7976931348623158e308") == std::numeric_limits<double>::max());
    CHECK(flo("1.7976931348623159e308") == HUGE_VAL);
    CHECK(flo("9007199254740993.0") == 9007199254740992.0);  // tie: to even
    CHECK(flo("9007199254740993.0000000000000000001") == 9007199254740994.0);
    CHECK(flo("0.1") == 0.1);
    CHECK(flo("3.141592653589793238462643383279") == 3.141592653589793);
    CHECK(flo("0.000000000000000000000000000000000001") == 1e-36);
}

TEST_CASE("parse_number: infinities and NaN") {
    CHECK(parsed("+inf.0") == "+inf.0");
    CHECK(parsed("-inf.0") == "-inf.0");
    CHECK(parsed("+nan.0") == "+nan.0");
    CHECK(parsed("-nan.0") == "+nan.0");
    CHECK(parsed("+INF.0") == "+inf.0");
    CHECK(std::isnan(flo("+nan.0")));
    CHECK(flo("-inf.0") == -HUGE_VAL);
    CHECK(parsed("inf.0") == "not a number");
    CHECK(parsed("+inf.0x") == "not a number");  // an identifier
    CHECK(parsed("#i+inf.0") == "+inf.0");
    CHECK(parsed("#e+inf.0") == "error:malformed");
    CHECK(parsed("#e+nan.0") == "error:malformed");
}

TEST_CASE("parse_number: prefixes, radixes, exactness") {
    CHECK(parsed("#xff") == "255");
    CHECK(parsed("#XFF") == "255");
    CHECK(parsed("#x-ff") == "-255");
    CHECK(parsed("#x1e2") == "482");
    CHECK(parsed("#xff/a") == "51/2");
    CHECK(parsed("#b101") == "5");
    CHECK(parsed("#b-101/10") == "-5/2");
    CHECK(parsed("#o777") == "511");
    CHECK(parsed("#d99") == "99");
    CHECK(parsed("#e1.5") == "3/2");
    CHECK(parsed("#e1.2e3") == "1200");
    CHECK(parsed("#e.5") == "1/2");
    CHECK(parsed("#e-0.5") == "-1/2");
    CHECK(parsed("#e1e-3") == "1/1000");
    CHECK(parsed("#e1.") == "1");
    CHECK(parsed("#e0e999999999") == "0");
    CHECK(parsed("#i3/4") == "0.75");
    CHECK(parsed("#i1/3") == "0.3333333333333333");
    CHECK(parsed("#i5") == "5.0");
    CHECK(parsed("#i-0") == "-0.0");
    CHECK(parsed("#x#e10") == "16");
    CHECK(parsed("#e#x10") == "16");
    CHECK(parsed("#i#xff") == "255.0");
    CHECK(parsed("#x#iff") == "255.0");
    CHECK(parsed("#i9007199254740993") == "9007199254740992.0");
    CHECK(parsed("ff", 16) == "255");
    CHECK(parsed("#d10", 16) == "10");
    CHECK(parsed("101", 2) == "5");
    CHECK(parsed("1.5", 16) == "error:malformed");
}

TEST_CASE("parse_number: malformed, and not numbers at all") {
    CHECK(parsed("12abc") == "error:malformed");
    CHECK(parsed("#xfg") == "error:malformed");
    CHECK(parsed("1/0") == "error:malformed");
    CHECK(parsed("#i1/0") == "error:malformed");
    CHECK(parsed("1/2/3") == "error:malformed");
    CHECK(parsed("1/2.5") == "error:malformed");
    CHECK(parsed("1.2.3") == "error:malformed");
    CHECK(parsed("#x1.5") == "error:malformed");
    CHECK(parsed("#b102") == "error:malformed");
    CHECK(parsed("#e#e1") == "error:malformed");
    CHECK(parsed("#x#x1") == "error:malformed");
    CHECK(parsed("#x") == "error:malformed");
    CHECK(parsed("#e#t") == "error:malformed");
    CHECK(parsed("1e") == "error:malformed");
    CHECK(parsed("1e+") == "error:malformed");
    CHECK(parsed("1+") == "error:malformed");
    CHECK(parsed(".5.") == "error:malformed");
    CHECK(parsed("#e1e10001") == "error:malformed");  // too large to hold exactly
    CHECK(parsed(std::string(100001, '1')) == "error:malformed");
    CHECK(parsed("") == "not a number");
    CHECK(parsed("abc") == "not a number");
    CHECK(parsed("+") == "not a number");
    CHECK(parsed("-") == "not a number");
    CHECK(parsed("...") == "not a number");
    CHECK(parsed(".") == "not a number");
    CHECK(parsed("->x") == "not a number");
    CHECK(parsed("+a") == "not a number");
    CHECK(parsed("+-1") == "not a number");
    CHECK(parsed(".foo") == "not a number");
    CHECK(parsed("#t") == "not a number");
    CHECK(parsed("#foo") == "not a number");
    CHECK_FALSE(parse_number("12abc", 10, nullptr).has_value());
}

TEST_CASE("parse_number: complex numbers") {
    CHECK(parsed("1+2i") == "1+2i");
    CHECK(parsed("1-2i") == "1-2i");
    CHECK(parsed("1+i") == "1+i");
    CHECK(parsed("+2i") == "+2i");
    CHECK(parsed("+i") == "+i");
    CHECK(parsed("-i") == "-i");
    CHECK(parsed("1@0") == "1");
    CHECK(parsed("1@2") == "1@2");  // converted at run time
    CHECK(parsed("+inf.0i") == "0.0+inf.0i");
    CHECK(parsed("1+inf.0i") == "1.0+inf.0i");
    CHECK(parsed("-inf.0-nan.0i") == "-inf.0+nan.0i");
    CHECK(parsed("#x1+fi") == "1+15i");
    CHECK(parsed("1e+2i", 16) == "30+2i");          // e is a hex digit
    CHECK(parsed("1e-2+3i") == "0.01+3.0i");        // the exponent's sign splits nothing
    CHECK(parsed("1/2-3/4i") == "1/2-3/4i");
    CHECK(parsed("#e1.5+2.5i") == "3/2+5/2i");
    CHECK(parsed("#i1+2i") == "1.0+2.0i");
    CHECK(parsed("1+2.5i") == "1.0+2.5i");          // one exactness for both parts
    CHECK(parsed("-2.5+0i") == "-2.5");             // exact 0 imaginary part: a real
    CHECK(parsed("-2.5+0.0i") == "-2.5+0.0i");
    CHECK(parsed("1+2ii") == "error:malformed");
    CHECK(parsed("1@") == "error:malformed");
    CHECK(parsed("1+2j") == "error:malformed");
    CHECK(parsed("#e+inf.0i") == "error:malformed");
    CHECK(parsed("i") == "not a number");
    CHECK(parsed("+hi") == "not a number");
    Number z = *parse_number("3-4i", 10, nullptr);
    CHECK(z.is_complex());
    CHECK(z.exact);
    CHECK_FALSE(z.is_exact_integer());
    CHECK(eqv(z, *parse_number("3-4i", 10, nullptr)));
    CHECK_FALSE(eqv(z, *parse_number("3.0-4.0i", 10, nullptr)));
}

TEST_CASE("Number: constructors and predicates") {
    Number r = Number::rational(BigInt(6), BigInt(-4));
    CHECK(r.num == BigInt(-3));
    CHECK(r.den == BigInt(2));
    CHECK_FALSE(r.is_integer());
    Number z = Number::rational(BigInt(0), BigInt(-5));
    CHECK(z.num.is_zero());
    CHECK(z.den == BigInt(1));
    CHECK(Number::rational(BigInt(4), BigInt(2)).is_exact_integer());
    CHECK(Number::integer(BigInt(7)).is_integer());
    CHECK(Number::flonum(2.0).is_integer());
    CHECK_FALSE(Number::flonum(2.0).is_exact_integer());
    CHECK_FALSE(Number::flonum(2.5).is_integer());
    CHECK_FALSE(Number::flonum(HUGE_VAL).is_integer());
    CHECK_FALSE(Number::flonum(std::nan("")).is_integer());
}

TEST_CASE("printing: shortest round-trip flonums, exact ratios, radixes") {
    CHECK(flonum_to_string(100.0) == "100.0");
    CHECK(flonum_to_string(0.1 + 0.2) == "0.30000000000000004");
    CHECK(flonum_to_string(-0.0) == "-0.0");
    CHECK(flonum_to_string(0.0) == "0.0");
    CHECK(flonum_to_string(HUGE_VAL) == "+inf.0");
    CHECK(flonum_to_string(-HUGE_VAL) == "-inf.0");
    CHECK(flonum_to_string(std::nan("")) == "+nan.0");
    CHECK(flonum_to_string(-std::nan("")) == "+nan.0");
    CHECK(flonum_to_string(1e21) == "1e+21");
    CHECK(flonum_to_string(1e15) == "1000000000000000.0");
    CHECK(flonum_to_string(1.5e-7) == "1.5e-07");
    CHECK(flonum_to_string(-2.5) == "-2.5");
    CHECK(flonum_to_string(5e-324) == "5e-324");
    CHECK(number_to_string(Number::rational(BigInt(7), BigInt(2))) == "7/2");
    CHECK(number_to_string(Number::rational(BigInt(-7), BigInt(2))) == "-7/2");
    CHECK(number_to_string(Number::integer(BigInt(-255)), 16) == "-ff");
    CHECK(number_to_string(Number::integer(BigInt(5)), 2) == "101");
    CHECK(number_to_string(Number::rational(BigInt(-7), BigInt(2)), 2) == "-111/10");
    CHECK(number_to_string(Number::integer(BigInt(35)), 36) == "z");
    CHECK(number_to_string(Number::flonum(0.5), 16) == "0.5");  // flonums: always decimal
    // Every printed flonum reads back to the same double.
    for (double d : {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e300, 1.7976931348623157e308, 5e-324,
                     123456.789e-200, 6.02214076e23, 0.30000000000000004}) {
        auto back = parse_number(flonum_to_string(d), 10, nullptr);
        REQUIRE(back.has_value());
        CHECK(back->flo == d);
    }
}
