/* nqueens -- C twin of nqueens.scm: the same row-by-row backtracking, with
 * the columns of the queens placed so far in an array instead of a list. */
#include <stdio.h>

#define REPS 150 /* smoke: 2 */
#define SIZE 10 /* smoke: 6 */
#define MAX_SIZE 32

/* placed[0..rows-1]: the columns of the queens of rows 0..rows-1. */
static int safe(int col, const int *placed, int rows)
{
    for (int r = rows - 1, dist = 1; r >= 0; --r, ++dist) {
        int other = placed[r];
        if (other == col || other == col + dist || other == col - dist) return 0;
    }
    return 1;
}

static long count_from(int row, int *placed, int n)
{
    if (row == n) return 1;
    long found = 0;
    for (int col = 0; col < n; ++col) {
        if (safe(col, placed, row)) {
            placed[row] = col;
            found += count_from(row + 1, placed, n);
        }
    }
    return found;
}

int main(void)
{
    volatile int n = SIZE;
    int placed[MAX_SIZE];
    long total = 0;
    for (int i = 0; i < REPS; ++i) total += count_from(0, placed, n);
    printf("%ld\n", total);
    return 0;
}
