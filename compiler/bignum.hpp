// Arbitrary-precision integers for the compiler: literals, constant folding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eshkol {

// Sign and magnitude; the magnitude is little-endian base 2^32 with no
// leading zero limbs (zero has no limbs and is never negative).
class BigInt {
public:
    BigInt() = default;
    BigInt(int64_t v);  // NOLINT: implicit on purpose, like an integer

    // Digits in radix 2..36, no sign, no prefix; nullopt if a digit is bad
    // or the string is empty.
    static std::optional<BigInt> parse(std::string_view digits, int radix);

    std::string to_string(int radix = 10) const;  // with '-' when negative
    bool is_zero() const { return limbs_.empty(); }
    bool negative() const { return negative_; }
    bool fits_int64() const;
    int64_t to_int64() const;  // precondition: fits_int64()
    double to_double() const;  // correctly rounded

    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    BigInt operator-() const;
    // Truncating division, like C: quotient toward zero, remainder has the
    // sign of the dividend. Precondition: divisor is not zero.
    static void divmod(const BigInt& a, const BigInt& b, BigInt& quot, BigInt& rem);
    static BigInt gcd(BigInt a, BigInt b);  // non-negative
    static BigInt pow(const BigInt& base, uint32_t exponent);
    friend int compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
    friend bool operator==(const BigInt& a, const BigInt& b) { return compare(a, b) == 0; }
    friend bool operator<(const BigInt& a, const BigInt& b) { return compare(a, b) < 0; }

private:
    bool negative_ = false;
    std::vector<uint32_t> limbs_;
    void trim();
};

}  // namespace eshkol
