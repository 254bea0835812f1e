import { configure } from '@testing-library/react';

// findBy* and waitFor give up after 1 s by default: a render after a fetch from the fixture takes
// longer on two shared cores under load. Passing tests are not slowed: they resolve on the first match.
configure({ asyncUtilTimeout: 10_000 });
