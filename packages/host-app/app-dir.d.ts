/** Absolute path of the built app (`dist/`, with `index.html` and `app.css`), ending in a separator. */
export declare const hostAppDir: string;
