int from_b;
