/* sieve -- C twin of sieve.scm: the sieve of Eratosthenes over a malloc'd
 * array of flags (one byte each), allocated afresh for every repetition. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPS 3 /* smoke: 1 */
#define LIMIT 10000000 /* smoke: 1000 */

static long count_primes(long n)
{
    char *prime = malloc((size_t)n);
    if (!prime) return -1;
    memset(prime, 1, (size_t)n);
    prime[0] = prime[1] = 0;
    for (long i = 2; i * i <= n; ++i)
        if (prime[i])
            for (long j = i * i; j < n; j += i) prime[j] = 0;
    long count = 0;
    for (long i = 0; i < n; ++i) count += prime[i];
    free(prime);
    return count;
}

int main(void)
{
    volatile long n = LIMIT;
    long total = 0, last = 0;
    for (int i = 0; i < REPS; ++i) {
        last = count_primes(n);
        total += last;
    }
    printf("%ld %ld\n", last, total);
    return 0;
}
