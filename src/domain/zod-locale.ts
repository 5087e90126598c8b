import { z } from 'zod';

// Validation messages are shown to officers: Zod's built-in messages in Vietnamese, for every schema in the process.
z.config(z.locales.vi());
