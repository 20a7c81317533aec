/** The demo's e-mail domain and password, shared by every part of the demo seed (a leaf: imports nothing). */
export const DEMO_DOMAIN = 'demo.amongi.dk';
export const DEMO_PASSWORD = 'demo1234';
