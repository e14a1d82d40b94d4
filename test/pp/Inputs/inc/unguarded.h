int unguarded_decl_ UNGUARDED_SUFFIX;
