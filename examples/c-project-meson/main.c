/* main.c - the C half of the example: a program with its own main that
 * keeps an inventory through the Scheme library (scheme/inventory.scm). */
#include <stdio.h>
#include <stdlib.h>

#include "inventory.h"

static void report_error(const char *message, void *data) {
    (void)data;
    fprintf(stderr, "inventory: %s\n", message);
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "inventory.db";
    char *text;
    remove(path);
    eshkol_init(argc, argv);
    eshkol_set_error_handler(report_error, NULL);
    if (inventory_open(path) != 0) return 1;
    inventory_add("apples", 12);
    inventory_add("pears", 5);
    inventory_add("plums", 30);
    printf("total after adding: %ld\n", inventory_add("Brie d'Meaux", 2));
    text = inventory_report(5);
    printf("at least 5:\n%s", text);
    free(text);
    printf("connections closed: %d\n", inventory_connections_closed());
    return 0;
}
