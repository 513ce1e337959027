/* main.c - counts its arguments' words through the Scheme library. */
#include <stdio.h>
#include <stdlib.h>

#include "words.h"

int main(int argc, char **argv) {
    char *report;
    eshkol_init(argc, argv);
    for (int i = 1; i < argc; i++) words_add(argv[i]);
    report = words_report(3);
    fputs(report, stdout);
    free(report);
    printf("distinct words: %d\n", words_distinct());
    words_close();
    printf("database closed: %s\n", words_closed() ? "yes" : "no");
    return 0;
}
