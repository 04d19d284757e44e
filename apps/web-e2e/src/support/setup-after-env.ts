import { closeBrowser, closeContexts } from './browser';

afterEach(closeContexts);
afterAll(closeBrowser);
