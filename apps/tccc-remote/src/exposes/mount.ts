/** `tccc_remote/mount`: the desk in any page, Angular or not. */
export { mount, type MountOptions, type Unmount } from '../lib/mount/mount';
