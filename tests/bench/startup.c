/* startup -- C twin of startup.scm: the cost of starting a C program. */
#include <stdio.h>

int main(void)
{
    printf("0\n");
    return 0;
}
