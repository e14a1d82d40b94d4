/* A header with a classic include guard: entered once. */
#ifndef GUARDED_H
#define GUARDED_H
int guarded_decl;
#endif
