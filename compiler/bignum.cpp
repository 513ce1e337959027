// Arbitrary-precision integers: sign and magnitude, base 2^32 limbs.
//
// Every algorithm is a loop (no recursion), so a huge literal can cost time
// but never C++ stack. Multiplication is schoolbook and division is Knuth's
// algorithm D: quadratic, which is plenty for literals and constant folding.
#include "bignum.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace eshkol {

namespace {

using Limbs = std::vector<uint32_t>;

constexpr uint64_t limb_base = uint64_t(1) << 32;

void trim_limbs(Limbs& a) {
    while (!a.empty() && a.back() == 0) a.pop_back();
}

int compare_magnitude(const Limbs& a, const Limbs& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Limbs add_magnitude(const Limbs& a, const Limbs& b) {
    const Limbs& longer = a.size() >= b.size() ? a : b;
    const Limbs& shorter = a.size() >= b.size() ? b : a;
    Limbs sum(longer.size() + 1, 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < longer.size(); ++i) {
        uint64_t s = carry + longer[i] + (i < shorter.size() ? shorter[i] : 0);
        sum[i] = uint32_t(s);
        carry = s >> 32;
    }
    sum[longer.size()] = uint32_t(carry);
    trim_limbs(sum);
    return sum;
}

// Precondition: |a| >= |b|.
Limbs sub_magnitude(const Limbs& a, const Limbs& b) {
    Limbs diff(a.size(), 0);
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t d = int64_t(a[i]) - borrow - (i < b.size() ? int64_t(b[i]) : 0);
        borrow = d < 0 ? 1 : 0;
        diff[i] = uint32_t(d + (borrow ? int64_t(limb_base) : 0));
    }
    trim_limbs(diff);
    return diff;
}

Limbs mul_magnitude(const Limbs& a, const Limbs& b) {
    if (a.empty() || b.empty()) return {};
    Limbs product(a.size() + b.size(), 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b.size(); ++j) {
            uint64_t t = uint64_t(a[i]) * b[j] + product[i + j] + carry;
            product[i + j] = uint32_t(t);
            carry = t >> 32;
        }
        product[i + b.size()] = uint32_t(carry);
    }
    trim_limbs(product);
    return product;
}

// a = a * m + add, in place.
void mul_add_small(Limbs& a, uint32_t m, uint32_t add) {
    uint64_t carry = add;
    for (uint32_t& limb : a) {
        uint64_t t = uint64_t(limb) * m + carry;
        limb = uint32_t(t);
        carry = t >> 32;
    }
    if (carry) a.push_back(uint32_t(carry));
}

// a = a / d in place; returns the remainder. Precondition: d != 0.
uint32_t div_small(Limbs& a, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = uint32_t(cur / d);
        rem = cur % d;
    }
    trim_limbs(a);
    return uint32_t(rem);
}

int leading_zeros(uint32_t x) {
    int n = 0;
    while (!(x & 0x80000000u)) {
        x <<= 1;
        ++n;
    }
    return n;
}

Limbs shift_left_bits(const Limbs& a, int bits) {  // 0 <= bits < 32
    Limbs out(a.size() + 1, 0);
    for (size_t i = 0; i < a.size(); ++i) {
        out[i] |= bits ? a[i] << bits : a[i];
        out[i + 1] = bits ? a[i] >> (32 - bits) : 0;
    }
    return out;  // untrimmed: Knuth D wants the extra top limb
}

// One step of Knuth D: estimate q for u[j..j+n] / v (normalised) and
// subtract q*v from u at position j, correcting when the estimate was high.
uint32_t knuth_step(Limbs& u, const Limbs& v, size_t j) {
    size_t n = v.size();
    uint64_t top = (uint64_t(u[j + n]) << 32) | u[j + n - 1];
    uint64_t qhat = top / v[n - 1];
    uint64_t rhat = top % v[n - 1];
    while (qhat >= limb_base ||
           (n >= 2 && qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2]))) {
        --qhat;
        rhat += v[n - 1];
        if (rhat >= limb_base) break;
    }
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < n; ++i) {
        uint64_t p = qhat * v[i] + carry;
        carry = p >> 32;
        int64_t t = int64_t(u[i + j]) - borrow - int64_t(uint32_t(p));
        u[i + j] = uint32_t(t);
        borrow = t < 0 ? 1 : 0;
    }
    int64_t t = int64_t(u[j + n]) - borrow - int64_t(carry);
    u[j + n] = uint32_t(t);
    if (t >= 0) return uint32_t(qhat);
    // The estimate was one too large: add v back.
    uint64_t c = 0;
    for (size_t i = 0; i < n; ++i) {
        uint64_t s = uint64_t(u[i + j]) + v[i] + c;
        u[i + j] = uint32_t(s);
        c = s >> 32;
    }
    u[j + n] = uint32_t(uint64_t(u[j + n]) + c);
    return uint32_t(qhat - 1);
}

// Magnitude division (Knuth, TAOCP vol. 2, 4.3.1, algorithm D).
void divmod_magnitude(const Limbs& a, const Limbs& b, Limbs& quot, Limbs& rem) {
    if (compare_magnitude(a, b) < 0) {
        quot.clear();
        rem = a;
        return;
    }
    if (b.size() == 1) {
        quot = a;
        uint32_t r = div_small(quot, b[0]);
        rem.clear();
        if (r) rem.push_back(r);
        return;
    }
    int shift = leading_zeros(b.back());
    Limbs v = shift_left_bits(b, shift);
    v.pop_back();  // the extra limb is zero by choice of shift
    Limbs u = shift_left_bits(a, shift);
    size_t m = a.size() - b.size();
    quot.assign(m + 1, 0);
    for (size_t j = m + 1; j-- > 0;) quot[j] = knuth_step(u, v, j);
    trim_limbs(quot);
    // Undo the normalisation on the remainder.
    rem.assign(b.size(), 0);
    for (size_t i = 0; i < b.size(); ++i) {
        rem[i] = shift ? (u[i] >> shift) | (u[i + 1] << (32 - shift)) : u[i];
    }
    trim_limbs(rem);
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

int log2_exact(int radix) {  // bits per digit if radix is a power of 2, else 0
    for (int bits = 1; bits <= 5; ++bits) {
        if (radix == (1 << bits)) return bits;
    }
    return 0;
}

// Linear-time conversion for radixes 2, 4, 8, 16, 32: digits are bit fields.
Limbs parse_power_of_two(std::string_view digits, int bits) {
    Limbs out((digits.size() * bits + 31) / 32 + 1, 0);
    size_t bit = 0;
    for (size_t i = digits.size(); i-- > 0; bit += bits) {
        uint64_t v = uint64_t(digit_value(digits[i])) << (bit % 32);
        out[bit / 32] |= uint32_t(v);
        if (v >> 32) out[bit / 32 + 1] |= uint32_t(v >> 32);
    }
    trim_limbs(out);
    return out;
}

// Other radixes: as many digits per step as fit in one limb.
Limbs parse_chunked(std::string_view digits, int radix) {
    uint32_t chunk_scale = radix;
    size_t per_chunk = 1;
    while (uint64_t(chunk_scale) * radix < limb_base) {
        chunk_scale *= radix;
        ++per_chunk;
    }
    Limbs out;
    size_t first = digits.size() % per_chunk;
    if (first == 0) first = per_chunk;
    for (size_t i = 0; i < digits.size();) {
        size_t len = i == 0 ? first : per_chunk;
        uint32_t value = 0, scale = 1;
        for (size_t k = 0; k < len; ++k) {
            value = value * radix + digit_value(digits[i + k]);
            scale *= radix;
        }
        mul_add_small(out, scale, value);
        i += len;
    }
    trim_limbs(out);
    return out;
}

const char* const digit_chars = "0123456789abcdefghijklmnopqrstuvwxyz";

std::string magnitude_to_string(Limbs mag, int radix) {
    if (mag.empty()) return "0";
    uint32_t chunk_scale = radix;
    size_t per_chunk = 1;
    while (uint64_t(chunk_scale) * radix < limb_base) {
        chunk_scale *= radix;
        ++per_chunk;
    }
    std::string reversed;
    while (!mag.empty()) {
        uint32_t chunk = div_small(mag, chunk_scale);
        for (size_t k = 0; k < per_chunk && (chunk || !mag.empty()); ++k) {
            reversed.push_back(digit_chars[chunk % radix]);
            chunk /= radix;
        }
    }
    return {reversed.rbegin(), reversed.rend()};
}

}  // namespace

BigInt::BigInt(int64_t v) {
    negative_ = v < 0;
    uint64_t mag = negative_ ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    while (mag) {
        limbs_.push_back(uint32_t(mag));
        mag >>= 32;
    }
}

void BigInt::trim() {
    trim_limbs(limbs_);
    if (limbs_.empty()) negative_ = false;
}

std::optional<BigInt> BigInt::parse(std::string_view digits, int radix) {
    if (digits.empty() || radix < 2 || radix > 36) return std::nullopt;
    for (char c : digits) {
        if (digit_value(c) >= radix) return std::nullopt;
    }
    BigInt result;
    int bits = log2_exact(radix);
    result.limbs_ = bits ? parse_power_of_two(digits, bits) : parse_chunked(digits, radix);
    result.trim();
    return result;
}

std::string BigInt::to_string(int radix) const {
    if (radix < 2 || radix > 36) radix = 10;
    std::string digits = magnitude_to_string(limbs_, radix);
    return negative_ ? "-" + digits : digits;
}

bool BigInt::fits_int64() const {
    if (limbs_.size() > 2) return false;
    uint64_t mag = limbs_.empty() ? 0 : limbs_[0];
    if (limbs_.size() == 2) mag |= uint64_t(limbs_[1]) << 32;
    uint64_t limit = uint64_t(INT64_MAX) + (negative_ ? 1 : 0);
    return mag <= limit;
}

int64_t BigInt::to_int64() const {
    uint64_t mag = limbs_.empty() ? 0 : limbs_[0];
    if (limbs_.size() >= 2) mag |= uint64_t(limbs_[1]) << 32;
    return negative_ ? int64_t(uint64_t(0) - mag) : int64_t(mag);
}

// The top 64 significant bits, with every lower bit ORed into bit 0 so that
// the one rounding done by the uint64 -> double conversion is correct.
double BigInt::to_double() const {
    if (limbs_.empty()) return 0.0;
    size_t bitlen = limbs_.size() * 32 - leading_zeros(limbs_.back());
    size_t drop = bitlen > 64 ? bitlen - 64 : 0;  // low bits folded into sticky
    uint64_t top = 0;
    bool sticky = false;
    for (size_t i = 0; i < limbs_.size(); ++i) {
        size_t pos = i * 32;  // weight of this limb's bit 0
        uint64_t limb = limbs_[i];
        if (pos + 32 <= drop) {
            sticky |= limb != 0;
        } else if (pos >= drop) {
            top |= limb << (pos - drop);
        } else {
            size_t s = drop - pos;
            top |= limb >> s;
            sticky |= (limb & ((uint64_t(1) << s) - 1)) != 0;
        }
    }
    if (sticky) top |= 1;
    int scale = int(std::min<size_t>(drop, 100000));  // beyond 1024 it is inf anyway
    double mag = std::ldexp(double(top), scale);
    return negative_ ? -mag : mag;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    BigInt r;
    if (a.negative_ == b.negative_) {
        r.limbs_ = add_magnitude(a.limbs_, b.limbs_);
        r.negative_ = a.negative_;
    } else if (compare_magnitude(a.limbs_, b.limbs_) >= 0) {
        r.limbs_ = sub_magnitude(a.limbs_, b.limbs_);
        r.negative_ = a.negative_;
    } else {
        r.limbs_ = sub_magnitude(b.limbs_, a.limbs_);
        r.negative_ = b.negative_;
    }
    r.trim();
    return r;
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
    BigInt r;
    r.limbs_ = mul_magnitude(a.limbs_, b.limbs_);
    r.negative_ = a.negative_ != b.negative_;
    r.trim();
    return r;
}

BigInt BigInt::operator-() const {
    BigInt r = *this;
    r.negative_ = !negative_;
    r.trim();
    return r;
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& quot, BigInt& rem) {
    Limbs q, r;
    divmod_magnitude(a.limbs_, b.limbs_, q, r);
    quot.limbs_ = std::move(q);
    quot.negative_ = a.negative_ != b.negative_;
    quot.trim();
    rem.limbs_ = std::move(r);
    rem.negative_ = a.negative_;
    rem.trim();
}

BigInt BigInt::gcd(BigInt a, BigInt b) {
    a.negative_ = false;
    b.negative_ = false;
    while (!b.is_zero()) {
        BigInt q, r;
        divmod(a, b, q, r);
        a = std::move(b);
        b = std::move(r);
    }
    return a;
}

BigInt BigInt::pow(const BigInt& base, uint32_t exponent) {
    BigInt result = 1;
    BigInt square = base;
    while (exponent) {
        if (exponent & 1) result = result * square;
        exponent >>= 1;
        if (exponent) square = square * square;
    }
    return result;
}

int compare(const BigInt& a, const BigInt& b) {
    if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
    int mag = compare_magnitude(a.limbs_, b.limbs_);
    return a.negative_ ? -mag : mag;
}

}  // namespace eshkol
