int level_in_header = __INCLUDE_LEVEL__;
const char *file_in_header = __FILE__;
const char *base_in_header = __BASE_FILE__;
