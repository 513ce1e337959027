/* tak -- C twin of tak.scm: the Takeuchi function on native longs. */
#include <stdio.h>

#define REPS 6000 /* smoke: 3 */

static long tak(long x, long y, long z)
{
    if (y < x)
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
    return z;
}

int main(void)
{
    volatile long x = 18, y = 12, z = 6; /* re-read each time round */
    long sum = 0;
    for (int i = 0; i < REPS; ++i) sum += tak(x, y, z);
    printf("%ld\n", sum);
    return 0;
}
