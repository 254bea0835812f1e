import { configure } from '@testing-library/react';

// A loaded two-core machine can take more than the default second to render the first page of a file.
configure({ asyncUtilTimeout: 5000 });
