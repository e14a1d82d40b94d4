int forced_include;
