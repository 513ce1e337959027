/* mbrot -- C twin of mbrot.scm: the same grid and iteration on doubles. */
#include <stdio.h>

#define REPS 1 /* smoke: 1 */
#define SIDE 320 /* smoke: 16 */
#define LIMIT 400 /* smoke: 50 */

static long escape_count(double cr, double ci, long limit)
{
    double zr = 0.0, zi = 0.0;
    long i;
    for (i = 0; i < limit; ++i) {
        double zr2 = zr * zr, zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) break;
        double next_zr = (zr2 - zi2) + cr;
        zi = 2.0 * (zr * zi) + ci;
        zr = next_zr;
    }
    return i;
}

static long mandelbrot(long side, long limit)
{
    double step = 3.0 / (double)side;
    long total = 0;
    for (long y = 0; y < side; ++y) {
        double ci = -1.5 + (double)y * step;
        for (long x = 0; x < side; ++x)
            total += escape_count(-2.0 + (double)x * step, ci, limit);
    }
    return total;
}

int main(void)
{
    volatile long side = SIDE, limit = LIMIT;
    long sum = 0;
    for (int i = 0; i < REPS; ++i) sum += mandelbrot(side, limit);
    printf("%ld\n", sum);
    return 0;
}
