/* ctype.h: cfree's static C library (C11 7.4), "C" locale only. */
#ifndef _RT_CTYPE_H
#define _RT_CTYPE_H
#ifdef __cplusplus
extern "C" {
#endif
int isalnum(int);
int isalpha(int);
int isblank(int);
int iscntrl(int);
int isdigit(int);
int isgraph(int);
int islower(int);
int isprint(int);
int ispunct(int);
int isspace(int);
int isupper(int);
int isxdigit(int);
int isascii(int);
int toascii(int);
int tolower(int);
int toupper(int);
#ifdef __cplusplus
}
#endif
#endif
