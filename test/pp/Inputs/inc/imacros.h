#define FROM_IMACROS 42
int should_not_appear;
