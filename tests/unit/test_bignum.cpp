// BigInt: conversions, arithmetic with signs, Knuth division, rounding.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "bignum.hpp"

using namespace eshkol;

namespace {

BigInt big(std::string_view text, int radix = 10) {
    bool negative = !text.empty() && text[0] == '-';
    auto value = BigInt::parse(negative ? text.substr(1) : text, radix);
    REQUIRE(value.has_value());
    return negative ? -*value : *value;
}

BigInt power_of_two(uint32_t k) { return BigInt::pow(BigInt(2), k); }

// From little-endian 32-bit limbs, the way Knuth's algorithm sees numbers.
BigInt from_limbs(std::initializer_list<uint32_t> limbs) {
    BigInt result = 0;
    BigInt base = power_of_two(32);
    std::vector<uint32_t> v(limbs);
    for (size_t i = v.size(); i-- > 0;) result = result * base + BigInt(int64_t(v[i]));
    return result;
}

// q and r are right when a = q*b + r, |r| < |b| and r has a's sign.
bool division_holds(const BigInt& a, const BigInt& b) {
    BigInt q, r;
    BigInt::divmod(a, b, q, r);
    BigInt abs_r = r.negative() ? -r : r;
    BigInt abs_b = b.negative() ? -b : b;
    bool sign_ok = r.is_zero() || r.negative() == a.negative();
    return q * b + r == a && abs_r < abs_b && sign_ok;
}

BigInt random_big(std::mt19937_64& rng, int max_limbs) {
    int limbs = int(rng() % max_limbs) + 1;
    BigInt value = 0;
    BigInt base = power_of_two(32);
    for (int i = 0; i < limbs; ++i) {
        // Runs of all-ones and zero limbs make the hard cases of algorithm D.
        uint64_t kind = rng() % 4;
        uint32_t limb = kind == 0 ? 0xFFFFFFFFu : kind == 1 ? 0u : uint32_t(rng());
        value = value * base + BigInt(int64_t(limb));
    }
    return rng() % 2 ? -value : value;
}

}  // namespace

TEST_CASE("BigInt: construction and int64 round trips") {
    CHECK(BigInt().is_zero());
    CHECK(BigInt(0).to_string() == "0");
    CHECK(BigInt(-1).to_string() == "-1");
    CHECK(BigInt(INT64_MAX).to_string() == "9223372036854775807");
    CHECK(BigInt(INT64_MIN).to_string() == "-9223372036854775808");
    CHECK(BigInt(INT64_MIN).fits_int64());
    CHECK(BigInt(INT64_MIN).to_int64() == INT64_MIN);
    CHECK(BigInt(INT64_MAX).to_int64() == INT64_MAX);
    CHECK(BigInt(-42).to_int64() == -42);
    CHECK_FALSE((BigInt(INT64_MAX) + BigInt(1)).fits_int64());
    CHECK_FALSE((BigInt(INT64_MIN) - BigInt(1)).fits_int64());
    CHECK((BigInt(INT64_MAX) + BigInt(1)).to_string() == "9223372036854775808");
    CHECK(BigInt(-5).negative());
    CHECK_FALSE((BigInt(5) - BigInt(5)).negative());
    CHECK_FALSE((-BigInt(0)).negative());
}

TEST_CASE("BigInt: parse and to_string in radixes 2..36") {
    CHECK(big("123456789012345678901234567890").to_string() == "123456789012345678901234567890");
    CHECK(big("ff", 16).to_string() == "255");
    CHECK(big("FF", 16).to_string() == "255");
    CHECK(big("101", 2).to_string() == "5");
    CHECK(big("777", 8).to_string() == "511");
    CHECK(big("zz", 36).to_string() == "1295");
    CHECK(big("0000123").to_string() == "123");
    CHECK(big("0").is_zero());
    CHECK(big("255").to_string(16) == "ff");
    CHECK(big("-255").to_string(2) == "-11111111");
    CHECK(big("1295").to_string(36) == "zz");
    CHECK(power_of_two(100).to_string(16) == "1" + std::string(25, '0'));
    CHECK(power_of_two(100).to_string() == "1267650600228229401496703205376");
    std::string long_hex = "123456789abcdef0fedcba9876543210deadbeef";
    CHECK(big(long_hex, 16).to_string(16) == long_hex);
    CHECK(big("1" + std::string(60, '0'), 3).to_string(3) == "1" + std::string(60, '0'));
    CHECK_FALSE(BigInt::parse("", 10).has_value());
    CHECK_FALSE(BigInt::parse("12a", 10).has_value());
    CHECK_FALSE(BigInt::parse("2", 2).has_value());
    CHECK_FALSE(BigInt::parse("-1", 10).has_value());
    CHECK_FALSE(BigInt::parse("1", 37).has_value());
}

TEST_CASE("BigInt: addition, subtraction, multiplication with signs") {
    CHECK((big("18446744073709551615") + BigInt(1)).to_string() == "18446744073709551616");
    CHECK((big("18446744073709551616") - BigInt(1)).to_string() == "18446744073709551615");
    CHECK((BigInt(5) + BigInt(-8)).to_string() == "-3");
    CHECK((BigInt(-5) + BigInt(8)).to_string() == "3");
    CHECK((BigInt(-5) - BigInt(-5)).is_zero());
    CHECK((BigInt(-5) - BigInt(8)).to_string() == "-13");
    CHECK((BigInt(-3) * BigInt(4)).to_string() == "-12");
    CHECK((BigInt(-3) * BigInt(-4)).to_string() == "12");
    CHECK((BigInt(0) * BigInt(-4)).is_zero());
    CHECK_FALSE((BigInt(0) * BigInt(-4)).negative());
    CHECK((big("18446744073709551615") * big("18446744073709551615")).to_string() ==
          "340282366920938463426481119284349108225");
    CHECK((big("123456789012345678901234567890") * big("-987654321098765432109876543210"))
              .to_string() == "-121932631137021795226185032733622923332237463801111263526900");
}

TEST_CASE("BigInt: truncating division, like C") {
    BigInt q, r;
    BigInt::divmod(BigInt(7), BigInt(2), q, r);
    CHECK(q.to_int64() == 3);
    CHECK(r.to_int64() == 1);
    BigInt::divmod(BigInt(-7), BigInt(2), q, r);
    CHECK(q.to_int64() == -3);
    CHECK(r.to_int64() == -1);
    BigInt::divmod(BigInt(7), BigInt(-2), q, r);
    CHECK(q.to_int64() == -3);
    CHECK(r.to_int64() == 1);
    BigInt::divmod(BigInt(-7), BigInt(-2), q, r);
    CHECK(q.to_int64() == 3);
    CHECK(r.to_int64() == -1);
    BigInt::divmod(BigInt(3), BigInt(7), q, r);
    CHECK(q.is_zero());
    CHECK(r.to_int64() == 3);
    BigInt::divmod(big("340282366920938463426481119284349108225"), big("18446744073709551615"), q, r);
    CHECK(q.to_string() == "18446744073709551615");
    CHECK(r.is_zero());
    BigInt::divmod(power_of_two(200) + BigInt(12345), power_of_two(100), q, r);
    CHECK(q == power_of_two(100));
    CHECK(r.to_int64() == 12345);
}

TEST_CASE("BigInt: Knuth D's hard cases (estimate corrections, add back)") {
    // Operands from Hacker's Delight's divmnu tests, as 32-bit limbs.
    CHECK(division_holds(from_limbs({3, 0, 0x80000000}), from_limbs({1, 0, 0x20000000})));
    CHECK(division_holds(from_limbs({3, 0, 0x8000}), from_limbs({1, 0, 0x2000})));
    CHECK(division_holds(from_limbs({0, 0, 0x8000, 0x7fff}), from_limbs({1, 0, 0x8000})));
    CHECK(division_holds(from_limbs({0, 0, 0x80000000, 0x7fffffff}), from_limbs({1, 0, 0x80000000})));
    CHECK(division_holds(from_limbs({0, 0xfffe, 0, 0x8000}), from_limbs({0xffff, 0x8000})));
    CHECK(division_holds(from_limbs({0, 0xfffffffe, 0, 0x80000000}), from_limbs({0xffffffff, 0x80000000})));
    CHECK(division_holds(from_limbs({0, 0xfffffffe, 0, 0x80000000}), from_limbs({0x0000ffff, 0, 0x80000000})));
    CHECK(division_holds(from_limbs({0xffffffff, 0xffffffff, 0xffffffff}), from_limbs({0xffffffff, 0xffffffff})));
    std::mt19937_64 rng(7);
    int failures = 0;
    for (int i = 0; i < 3000; ++i) {
        BigInt a = random_big(rng, 9);
        BigInt b = random_big(rng, 5);
        if (b.is_zero()) continue;
        if (!division_holds(a, b)) ++failures;
    }
    CHECK(failures == 0);
    // Against native 128-bit arithmetic.
    failures = 0;
    for (int i = 0; i < 2000; ++i) {
        __int128 a = (__int128(int64_t(rng())) << 32) ^ __int128(rng() >> 1);
        int64_t b = int64_t(rng()) >> (rng() % 60);
        if (b == 0) continue;
        auto from_u64 = [](uint64_t x) {
            return BigInt(int64_t(x >> 32)) * power_of_two(32) + BigInt(int64_t(x & 0xFFFFFFFFu));
        };
        auto to_big = [&](__int128 x) {
            auto m = x < 0 ? -static_cast<unsigned __int128>(x) : static_cast<unsigned __int128>(x);
            BigInt v = from_u64(uint64_t(m >> 64)) * power_of_two(64) + from_u64(uint64_t(m));
            return x < 0 ? -v : v;
        };
        BigInt q, r;
        BigInt::divmod(to_big(a), BigInt(b), q, r);
        if (!(q == to_big(a / b)) || !(r == to_big(a % b))) ++failures;
    }
    CHECK(failures == 0);
}

TEST_CASE("BigInt: gcd, pow, compare") {
    CHECK(BigInt::gcd(BigInt(12), BigInt(18)).to_int64() == 6);
    CHECK(BigInt::gcd(BigInt(-12), BigInt(18)).to_int64() == 6);
    CHECK(BigInt::gcd(BigInt(12), BigInt(-18)).to_int64() == 6);
    CHECK(BigInt::gcd(BigInt(0), BigInt(5)).to_int64() == 5);
    CHECK(BigInt::gcd(BigInt(0), BigInt(0)).is_zero());
    CHECK(BigInt::gcd(power_of_two(100) * BigInt(3), power_of_two(90) * BigInt(9)) ==
          power_of_two(90) * BigInt(3));
    CHECK(BigInt::pow(BigInt(10), 30).to_string() == "1" + std::string(30, '0'));
    CHECK(BigInt::pow(BigInt(-3), 3).to_int64() == -27);
    CHECK(BigInt::pow(BigInt(-3), 4).to_int64() == 81);
    CHECK(BigInt::pow(BigInt(0), 0).to_int64() == 1);
    CHECK(BigInt::pow(BigInt(7), 1).to_int64() == 7);
    CHECK(compare(BigInt(-5), BigInt(3)) == -1);
    CHECK(compare(BigInt(5), BigInt(-3)) == 1);
    CHECK(compare(BigInt(-5), BigInt(-3)) == -1);
    CHECK(compare(power_of_two(64), power_of_two(63)) == 1);
    CHECK(compare(-power_of_two(64), -power_of_two(63)) == -1);
    CHECK(compare(big("99"), BigInt(99)) == 0);
    CHECK(BigInt(3) < BigInt(4));
    CHECK(BigInt(-4) < BigInt(-3));
}

TEST_CASE("BigInt: to_double rounds to nearest, ties to even") {
    CHECK(BigInt(0).to_double() == 0.0);
    CHECK(BigInt(-12345).to_double() == -12345.0);
    BigInt two53 = power_of_two(53);
    CHECK((two53 + BigInt(1)).to_double() == 9007199254740992.0);   // tie: to even
    CHECK((two53 + BigInt(3)).to_double() == 9007199254740996.0);   // tie: to even (up)
    CHECK((two53 + BigInt(5)).to_double() == 9007199254740996.0);   // tie: to even (down)
    BigInt two64 = power_of_two(64);
    CHECK((two64 + power_of_two(11)).to_double() == std::ldexp(1.0, 64));
    CHECK((two64 + power_of_two(11) + BigInt(1)).to_double() == std::ldexp(1.0, 64) + std::ldexp(1.0, 12));
    BigInt two100 = power_of_two(100);
    CHECK((two100 + power_of_two(47)).to_double() == std::ldexp(1.0, 100));
    CHECK((two100 + power_of_two(47) + BigInt(1)).to_double() == std::ldexp(1.0, 100) + std::ldexp(1.0, 48));
    CHECK((-(two100 + power_of_two(47) + BigInt(1))).to_double() == -(std::ldexp(1.0, 100) + std::ldexp(1.0, 48)));
    CHECK(power_of_two(1023).to_double() == std::ldexp(1.0, 1023));
    CHECK(std::isinf(power_of_two(1024).to_double()));
    BigInt largest = (power_of_two(53) - BigInt(1)) * power_of_two(971);
    CHECK(largest.to_double() == std::numeric_limits<double>::max());
    CHECK(std::isinf((largest + power_of_two(970)).to_double()));  // halfway rounds to even: up
    CHECK((largest + power_of_two(970) - BigInt(1)).to_double() == std::numeric_limits<double>::max());
    CHECK(big("123456789012345678901234567890").to_double() == 123456789012345678901234567890.0);
}
