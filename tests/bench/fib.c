/* fib -- C twin of fib.scm: doubly recursive Fibonacci on native longs. */
#include <stdio.h>

#define REPS 12 /* smoke: 1 */
#define SIZE 35 /* smoke: 20 */

static long fib(long n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(void)
{
    volatile long n = SIZE; /* read afresh each time: no hoisting out of the loop */
    long sum = 0;
    for (int i = 0; i < REPS; ++i) sum += fib(n);
    printf("%ld\n", sum);
    return 0;
}
